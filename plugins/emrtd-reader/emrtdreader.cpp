#include "emrtdreader.h"

#include "facepixels.h"

#include "emrtd/chipcheck.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChip, "gate.device.emrtd")

namespace gate::emrtdreader {

namespace {

using State = hal::DeviceHealth::State;

emrtd::PcscChannel::ExtendedLength channelMode(EmrtdReaderSettings::ExtendedLength mode) {
    switch (mode) {
    case EmrtdReaderSettings::ExtendedLength::Auto:
        break;
    case EmrtdReaderSettings::ExtendedLength::Off:
        return emrtd::PcscChannel::ExtendedLength::Off;
    case EmrtdReaderSettings::ExtendedLength::On:
        return emrtd::PcscChannel::ExtendedLength::On;
    }
    return emrtd::PcscChannel::ExtendedLength::Auto;
}

// Why a chip gave no proof, or which of its checks failed: the names of
// docs/emrtd.md, never document data.
QString detailOf(const emrtd::ChipReport &report) {
    if (report.outcome == emrtd::ChipOutcome::Verified)
        return QStringLiteral("verified");
    if (!report.sod)
        return report.outcome == emrtd::ChipOutcome::Unverified
                   ? QStringLiteral("no_sod")
                   : QString::fromLatin1(emrtd::outcomeName(report.outcome));
    const emrtd::PassiveAuthResult &sod = *report.sod;
    if (sod.signature == "bad")
        return QStringLiteral("signature_bad");
    if (sod.signature != "ok")
        return QStringLiteral("malformed");
    if (sod.hashes != "ok")
        return QStringLiteral("hashes_mismatch");
    if (report.chipAuth == "failed") // active_authentication_failed, chip_authentication_failed
        return QString::fromStdString(report.chipAuthProtocol) + QStringLiteral("_failed");
    if (sod.chain != "ok")
        return QString::fromStdString(sod.chain); // no_csca, expired, unknown_dsc, revoked
    if (!report.dg1MatchesMrz)
        return QStringLiteral("dg1_mismatch");
    return QString::fromLatin1(emrtd::outcomeName(report.outcome));
}

} // namespace

EmrtdReader::EmrtdReader(QString deviceName, EmrtdReaderSettings settings)
    : m_deviceName(std::move(deviceName))
    , m_settings(std::move(settings)) {
    m_health.device = m_deviceName;
}

EmrtdReader::~EmrtdReader() = default;

void EmrtdReader::start() {
    std::string loadError;
    m_cscasLoaded = m_cscas.load(m_settings.csca.toStdString(), &loadError);
    if (!m_cscasLoaded) {
        // Chips are still read (a passport then counts as unverified): the
        // gate goes on deciding on the page, and staff see why.
        qCWarning(lcChip).noquote() << "CSCAs not loaded from" << m_settings.csca << ":"
                                    << QString::fromStdString(loadError);
        setHealth(State::Degraded,
                  QStringLiteral("CSCAs not loaded: %1").arg(QString::fromStdString(loadError)));
    }
    QString error;
    if (!openChannel(&error))
        setHealth(State::Offline, error);
    else if (m_cscasLoaded)
        setHealth(State::Ok, QStringLiteral("%1 CSCAs").arg(m_cscas.size()));
}

void EmrtdReader::stop() {
    m_channel.reset();
    setHealth(State::Offline, QStringLiteral("stopped"));
}

bool EmrtdReader::openChannel(QString *error) {
    if (m_channel)
        return true;
    auto channel = std::make_unique<emrtd::PcscChannel>();
    std::string openError;
    if (!channel->open(&openError)) {
        *error = QStringLiteral("pcscd: %1").arg(QString::fromStdString(openError));
        return false;
    }
    channel->setExtendedLength(channelMode(m_settings.extendedLength));
    m_channel = std::move(channel);
    return true;
}

void EmrtdReader::readChip(quint64 request, const QList<QStringList> &mrzCandidates) {
    QElapsedTimer timer;
    timer.start();
    hal::ChipReading reading = read(mrzCandidates);
    reading.request = request;
    reading.readNs = timer.nsecsElapsed();
    const QString via =
        reading.access.isEmpty() ? QString() : QStringLiteral(" via ") + reading.access;
    qCInfo(lcChip).noquote() << "chip" << reading.outcome << reading.detail << "in"
                             << reading.readNs / 1'000'000 << QStringLiteral("ms") + via;
    emit chipRead(reading);
}

hal::ChipReading EmrtdReader::read(const QList<QStringList> &mrzCandidates) {
    hal::ChipReading reading;
    const auto failed = [&reading](const char *outcome, const QString &why) {
        reading.outcome = QLatin1String(outcome);
        reading.detail = reading.outcome;
        qCInfo(lcChip).noquote() << "no chip read:" << why;
        return reading;
    };
    if (mrzCandidates.isEmpty() || mrzCandidates.size() > hal::kMaxMrzCandidates)
        return failed("access_denied", QStringLiteral("%1 MRZ readings").arg(mrzCandidates.size()));
    QString error;
    if (!openChannel(&error)) {
        setHealth(State::Offline, error);
        return failed("reader_error", error);
    }
    std::string connectError;
    if (!m_channel->connect(m_settings.reader.toStdString(), m_settings.cardWaitMs,
                            &connectError)) {
        // pcscd went away: the next request opens a fresh context.
        if (connectError != "no card")
            m_channel.reset();
        return failed(connectError == "no card" ? "no_chip" : "reader_error",
                      QString::fromStdString(connectError));
    }
    std::vector<std::vector<std::string>> candidates;
    for (const QStringList &lines : mrzCandidates) {
        std::vector<std::string> zone;
        for (const QString &line : lines)
            zone.push_back(line.toStdString());
        candidates.push_back(std::move(zone));
    }
    const emrtd::ChipReport report = emrtd::readAndCheckChip(*m_channel, candidates, m_cscas,
                                                             QDateTime::currentSecsSinceEpoch());
    m_channel->disconnect();
    if (m_cscasLoaded)
        setHealth(State::Ok, QStringLiteral("%1 CSCAs").arg(m_cscas.size()));

    reading.outcome = QLatin1String(emrtd::outcomeName(report.outcome));
    reading.detail = detailOf(report);
    reading.openedBy = report.openedBy;
    reading.access = QString::fromStdString(report.access);
    for (const std::string &line : report.mrz)
        reading.dg1Lines << QString::fromStdString(line);
    if (report.face)
        decodeFace(*report.face, &reading);
    if (!report.error.empty())
        qCInfo(lcChip).noquote() << "chip read stopped:" << QString::fromStdString(report.error);
    return reading;
}

void EmrtdReader::setHealth(State state, const QString &detail) {
    if (m_health.update(state, detail))
        emit healthChanged(m_health);
}

} // namespace gate::emrtdreader
