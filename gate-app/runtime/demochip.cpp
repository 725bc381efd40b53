#include "demochip.h"

#include <QDir>
#include <QFileInfo>

namespace gate {

DemoChip::DemoChip() = default;

DemoChip::~DemoChip() {
    m_emulator.kill();
    m_emulator.waitForFinished(3000);
}

QString DemoChip::serve(const QString &chipFiles, const QString &folder) {
    const QString emulator = qEnvironmentVariable("GATE_DEMO_CHIP_EMULATOR");
    if (emulator.isEmpty())
        return QStringLiteral("GATE_DEMO_CHIP_EMULATOR names no chip emulator");
    if (!QFileInfo(emulator).isExecutable())
        return QStringLiteral("the chip emulator %1 is not an executable file").arg(emulator);
    if (const QString missing = PrivatePcscd::missingPeer(); !missing.isEmpty())
        return missing;
    QString error;
    if (!m_pcscd.start(folder, &error))
        return error;
    m_emulator.setProcessChannelMode(QProcess::MergedChannels);
    m_emulator.setStandardOutputFile(QDir(folder).filePath(QStringLiteral("chip-emulator.log")));
    m_emulator.start(emulator,
                     {chipFiles, QStringLiteral("--port"), QString::number(m_pcscd.vpcdPort())});
    // The emulator attaches to vpcd by itself; one that cannot run at all
    // (a missing Python module) ends within moments.
    if (!m_emulator.waitForStarted(5000) || m_emulator.waitForFinished(1500)) {
        m_pcscd.stop();
        return QStringLiteral("the chip emulator did not run: see %1")
            .arg(QDir(folder).filePath(QStringLiteral("chip-emulator.log")));
    }
    return {};
}

QJsonObject DemoChip::readerDevice(const QString &cscaFolder) {
    return {{QStringLiteral("name"), QStringLiteral("chip")},
            {QStringLiteral("plugin"), QStringLiteral("emrtd-reader")},
            {QStringLiteral("role"), QStringLiteral("credential-source")},
            {QStringLiteral("settings"), QJsonObject{{QStringLiteral("csca"), cscaFolder}}}};
}

} // namespace gate
