#include "demo_chip.h"
#include "demo_station.h"
#include "issuer.h"
#include "station_secrets.h"
#include "ticketlist_writer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace gate::issuer {

namespace {

constexpr qint64 listValiditySecs = 6 * 3600;

bool writeFile(const QString &path, const QByteArray &bytes, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

// gate-issuer demo-station --out DIR [--station VNP] [--gate-group A1] [--now UNIX]
//                         [--enrol GATES.ndjson]
// Writes DIR/list/<station>/ (a signed ticket list, its holder keys sealed to
// the enrolled gates), DIR/passengers.json (the sim plugin's script),
// DIR/chip/ (the chip passenger's chip files) with DIR/csca/ (its CSCA), the
// signing keys and DIR/issuer-secrets.json (K_list, K_bind, the enrolled
// gates: outside the list folder), and prints where they are.
int demoStation(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption station(QStringLiteral("station"), QStringLiteral("Telecode."),
                                     QStringLiteral("CODE"), QStringLiteral("VNP"));
    const QCommandLineOption gateGroup(QStringLiteral("gate-group"),
                                       QStringLiteral("The demo lane's gate group."),
                                       QStringLiteral("GROUP"), QStringLiteral("A1"));
    const QCommandLineOption now(QStringLiteral("now"), QStringLiteral("Unix time of the demo."),
                                 QStringLiteral("UNIX"));
    const QCommandLineOption enrol(QStringLiteral("enrol"),
                                   QStringLiteral("Gates to enrol: lines of gatectl device-key "
                                                  "show."),
                                   QStringLiteral("FILE"));
    parser.addOptions({out, station, gateGroup, now, enrol});
    if (!parser.parse(QStringList{QStringLiteral("demo-station")} + args) || !parser.isSet(out)) {
        QTextStream(stderr) << "usage: gate-issuer demo-station --out DIR [--station CODE] "
                               "[--gate-group GROUP] [--now UNIX] [--enrol GATES.ndjson]\n";
        return 2;
    }
    const qint64 instant =
        parser.isSet(now) ? parser.value(now).toLongLong() : QDateTime::currentSecsSinceEpoch();
    QString error;
    const DemoStation demo =
        buildDemoStation(parser.value(station), parser.value(gateGroup), instant, &error);
    const QDir dir(parser.value(out));
    const QString listDir = dir.absoluteFilePath(QStringLiteral("list/") + demo.station);
    if (error.isEmpty() && !QDir().mkpath(listDir))
        error = QStringLiteral("cannot create %1").arg(listDir);
    if (!error.isEmpty()) {
        QTextStream(stderr) << "gate-issuer: " << error << '\n';
        return 1;
    }

    StationSecrets secrets;
    secrets.keys = {{1, demo.listKey}, {{1, demo.bindKey}}};
    if (parser.isSet(enrol)) {
        const auto gates = enrolmentFile(parser.value(enrol), &error);
        if (!gates) {
            QTextStream(stderr) << "gate-issuer: " << error << '\n';
            return 1;
        }
        for (const QByteArray &gate : *gates)
            secrets.enrol(gate);
    }
    const QString secretsPath = dir.absoluteFilePath(QStringLiteral("issuer-secrets.json"));

    TicketListWriter writer(listDir, demo.rootKey);
    tickets::Manifest &manifest = writer.manifest();
    manifest.station = demo.station;
    manifest.generated = demo.now;
    manifest.expires = demo.now + listValiditySecs;
    writer.keys() = secrets.keys;
    writer.enrolledGates() = secrets.gates;
    QList<QByteArray> lines;
    for (const QJsonObject &record : demo.records)
        lines.append(QJsonDocument(record).toJson(QJsonDocument::Compact));
    const QString script = dir.absoluteFilePath(QStringLiteral("passengers.json"));
    const QString chipDir = dir.absoluteFilePath(QStringLiteral("chip"));
    const QString cscaDir = dir.absoluteFilePath(QStringLiteral("csca"));
    const bool written =
        secrets.save(secretsPath, &error) && writer.writeKeys(demo.keysJson, &error) &&
        writer.writeSnapshot(1, recordsFrom(lines), &error) && writer.publish(&error) &&
        demo.rootKey.save(dir.absoluteFilePath(QStringLiteral("root-key.pem")), &error) &&
        demo.ticketKey.save(dir.absoluteFilePath(QStringLiteral("ticket-key.pem")), &error) &&
        writeFile(script, QJsonDocument(demo.passengers).toJson(), &error) &&
        writeDemoChip(demo.chipMrz, chipDir, cscaDir, &error);
    if (!written) {
        QTextStream(stderr) << "gate-issuer: " << error << '\n';
        return 1;
    }
    QTextStream(stdout)
        << QJsonDocument(QJsonObject{{"list_url", QUrl::fromLocalFile(listDir).toString()},
                                     {"root_key",
                                      QString::fromLatin1(demo.rootKey.rawPublicKey().toBase64())},
                                     {"script", script},
                                     {"chip", chipDir},
                                     {"csca", cscaDir},
                                     {"secrets", secretsPath},
                                     {"gates", secrets.gates.size()},
                                     {"passengers", demo.passengers.size()},
                                     {"now", demo.now}})
               .toJson(QJsonDocument::Compact)
        << '\n';
    return 0;
}

} // namespace gate::issuer
