#include "demolauncher.h"

#include "core/service/pinverifier.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gate {

namespace {

constexpr int toolTimeoutMs = 30'000;

QByteArray readResource(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

DemoLauncher::DemoLauncher()
    : m_laneSimulator(QStringLiteral("gate-lane-sim")) {}

DemoLauncher::~DemoLauncher() {
    m_laneSimulator.stop();
}

std::optional<GateConfig> DemoLauncher::prepare(const QString &stateDir, QStringList *errors) {
    QString folder;
    if (stateDir.isEmpty()) {
        m_temporary =
            std::make_unique<QTemporaryDir>(QDir::temp().filePath("station-gate-demo-XXXXXX"));
        folder = m_temporary->path();
    } else {
        folder = QDir(stateDir).absolutePath();
    }
    if (!QDir().mkpath(folder)) {
        errors->append(QStringLiteral("demo: cannot create %1").arg(folder));
        return std::nullopt;
    }

    QString error;
    // Commissioning, as on a real gate: the gate makes its device key and the
    // ticket system enrols its public half, sealing the list's keys to it.
    const QString deviceKey = folder + "/device.key";
    CompanionProcess gatectl(QStringLiteral("gatectl"));
    const QJsonObject device = gatectl.run(
        {QStringLiteral("device-key"),
         QFile::exists(deviceKey) ? QStringLiteral("show") : QStringLiteral("init"),
         QFile::exists(deviceKey) ? QStringLiteral("--key") : QStringLiteral("--out"), deviceKey},
        toolTimeoutMs, &error);
    const QString enrolment = folder + "/enrolled-gates.ndjson";
    QFile enrolmentFile(enrolment);
    if (device.isEmpty() || !enrolmentFile.open(QIODevice::WriteOnly) ||
        enrolmentFile.write(
            QJsonDocument(QJsonObject{{"gate", device.value("gate")}, {"pub", device.value("pub")}})
                .toJson(QJsonDocument::Compact)) < 0) {
        errors->append(QStringLiteral("demo device key: %1").arg(error));
        return std::nullopt;
    }
    enrolmentFile.close();

    CompanionProcess issuer(QStringLiteral("gate-issuer"));
    const QJsonObject station = issuer.run(
        {QStringLiteral("demo-station"), QStringLiteral("--out"), folder + "/station",
         QStringLiteral("--station"), QStringLiteral("VNP"), QStringLiteral("--gate-group"),
         QStringLiteral("A1"), QStringLiteral("--enrol"), enrolment},
        toolTimeoutMs, &error);
    if (station.isEmpty()) {
        errors->append(QStringLiteral("demo station: %1").arg(error));
        return std::nullopt;
    }
    m_passengerCount = station.value(QStringLiteral("passengers")).toInt();
    const QString listUrl = station.value(QStringLiteral("list_url")).toString();
    const QString rootKey = station.value(QStringLiteral("root_key")).toString();

    const QJsonObject synced =
        gatectl.run({QStringLiteral("tickets"), QStringLiteral("sync"), listUrl,
                     QStringLiteral("--db"), folder + "/tickets.db", QStringLiteral("--root-key"),
                     rootKey, QStringLiteral("--device-key"), deviceKey},
                    toolTimeoutMs, &error);
    if (synced.value(QStringLiteral("outcome")).toString() != QLatin1String("applied")) {
        errors->append(QStringLiteral("demo ticket list: %1").arg(error));
        return std::nullopt;
    }

    const QJsonObject lane =
        m_laneSimulator.start({QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--passengers"), QStringLiteral("auto")},
                              toolTimeoutMs, &error);
    if (lane.isEmpty()) {
        errors->append(QStringLiteral("demo lane simulator: %1").arg(error));
        return std::nullopt;
    }

    // The chip is served before the gate starts, so that the reader finds
    // its pcscd; the chip passenger comes well after the first ones.
    m_chip = std::make_unique<DemoChip>();
    m_chipAbsence = m_chip->serve(station.value(QStringLiteral("chip")).toString(),
                                  folder + QStringLiteral("/chip-reader"));
    if (!m_chipAbsence.isEmpty())
        m_chip.reset();

    QByteArray json = readResource(QStringLiteral(":/demo/gate-demo.json"));
    json.replace("@STATE_DIR@", folder.toUtf8());
    json.replace("@SCRIPT@", station.value(QStringLiteral("script")).toString().toUtf8());
    json.replace("@LANE@", lane.value(QStringLiteral("tcp")).toString().toUtf8());
    json.replace("@LIST_URL@", listUrl.toUtf8());
    json.replace("@ROOT_KEY@", rootKey.toUtf8());
    json.replace("@DEVICE_KEY@", deviceKey.toUtf8());
    json.replace("@PIN_HASH@", service::PinVerifier::hash(demoPin()).toUtf8());
    if (m_chip) {
        QJsonObject config = QJsonDocument::fromJson(json).object();
        QJsonArray devices = config.value(QStringLiteral("devices")).toArray();
        devices.append(DemoChip::readerDevice(station.value(QStringLiteral("csca")).toString()));
        config.insert(QStringLiteral("devices"), devices);
        // An emulated chip answers far slower than a real one.
        config.insert(QStringLiteral("passport"),
                      QJsonObject{{QStringLiteral("chip_wait_ms"), 10'000}});
        json = QJsonDocument(config).toJson();
    }
    return GateConfig::parse(json, QStringLiteral("embedded demo configuration"), folder, errors);
}

} // namespace gate
