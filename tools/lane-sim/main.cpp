// gate-lane-sim: a lane behind the default Modbus profile, for tests, the demo
// and commissioning practice (docs/lane.md).
#include "controlchannel.h"
#include "lanemodel.h"
#include "modbusserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

char rtuLinkToRemove[512];

void removeLinkAndExit(int) {
    if (rtuLinkToRemove[0])
        ::unlink(rtuLinkToRemove);
    ::_exit(0);
}

void printLine(const QJsonObject &object) {
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int usageError(const QString &message) {
    std::fprintf(stderr, "gate-lane-sim: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gate-lane-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A simulated gate lane speaking the default Modbus profile. Control "
                       "commands are read from standard input; one JSON line per command, "
                       "event and control answer is written to standard output."));
    parser.addHelpOption();
    const QCommandLineOption tcp(
        QStringLiteral("tcp"),
        QStringLiteral("Serve Modbus TCP on HOST:PORT (PORT 0: a free one)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption rtuLink(
        QStringLiteral("rtu-link"),
        QStringLiteral("Serve Modbus RTU on a pseudo-terminal and link PATH to its port."),
        QStringLiteral("PATH"));
    const QCommandLineOption baud(QStringLiteral("baud"),
                                  QStringLiteral("RTU baud rate (default 115200)."),
                                  QStringLiteral("BAUD"), QStringLiteral("115200"));
    const QCommandLineOption unit(QStringLiteral("unit"),
                                  QStringLiteral("Modbus unit id (default 1)."),
                                  QStringLiteral("ID"), QStringLiteral("1"));
    const QCommandLineOption passengers(
        QStringLiteral("passengers"),
        QStringLiteral("auto, none, random or a script file of behaviours."),
        QStringLiteral("MODE"), QStringLiteral("auto"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the random passenger mix."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption doorMs(QStringLiteral("door-ms"),
                                    QStringLiteral("Barrier travel time (default 400)."),
                                    QStringLiteral("MS"), QStringLiteral("400"));
    const QCommandLineOption walkDelayMs(
        QStringLiteral("walk-delay-ms"),
        QStringLiteral("Authorisation to passenger at the lane (default 200)."),
        QStringLiteral("MS"), QStringLiteral("200"));
    const QCommandLineOption walkMs(QStringLiteral("walk-ms"),
                                    QStringLiteral("Time to walk through the lane (default 600)."),
                                    QStringLiteral("MS"), QStringLiteral("600"));
    const QCommandLineOption paceVariation(
        QStringLiteral("pace-variation"),
        QStringLiteral("Passengers' walk delay and walk time vary by up to +-PCT percent "
                       "(default 0: all alike; seeded by --seed)."),
        QStringLiteral("PCT"), QStringLiteral("0"));
    const QCommandLineOption fire(QStringLiteral("fire"),
                                  QStringLiteral("Start with the fire-alarm input active."));
    const QCommandLineOption noFireRelease(
        QStringLiteral("no-fire-release"),
        QStringLiteral("The lane does not open by itself on its fire-alarm input (no hardware "
                       "fire release, or a failed one): only the gate's emergency open opens it."));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Start with this lane fault code."),
                                   QStringLiteral("CODE"));
    parser.addOptions({tcp, rtuLink, baud, unit, passengers, seed, doorMs, walkDelayMs, walkMs,
                       paceVariation, fire, noFireRelease, fault});
    parser.process(app);

    if (!parser.isSet(tcp) && !parser.isSet(rtuLink))
        return usageError(QStringLiteral("give --tcp HOST:PORT and/or --rtu-link PATH"));
    const auto positive = [&](const QCommandLineOption &option, int min, int max, int *value) {
        bool ok = false;
        *value = parser.value(option).toInt(&ok);
        return ok && *value >= min && *value <= max;
    };
    gate::lanesim::LaneTiming timing;
    int unitId = 1;
    int baudRate = 115200;
    int pace = 0;
    if (!positive(doorMs, 1, 60000, &timing.doorTravelMs) ||
        !positive(walkDelayMs, 0, 60000, &timing.walkDelayMs) ||
        !positive(walkMs, 3, 60000, &timing.walkMs) || !positive(unit, 1, 247, &unitId) ||
        !positive(baud, 1200, 4000000, &baudRate) || !positive(paceVariation, 0, 90, &pace))
        return usageError(QStringLiteral("--door-ms, --walk-ms, --walk-delay-ms, --unit, --baud "
                                         "and --pace-variation take whole numbers in range"));
    QString error;
    auto passengerModel = gate::lanesim::PassengerModel::fromOption(
        parser.value(passengers), parser.value(seed).toUInt(), &error);
    if (!passengerModel)
        return usageError(error);
    passengerModel->setPaceVariation(pace);

    QElapsedTimer clock;
    clock.start();
    gate::lanesim::LaneModel model(timing, std::move(*passengerModel), printLine,
                                   !parser.isSet(noFireRelease));
    gate::lanesim::ModbusServer server(model, unitId, clock, printLine);
    if (parser.isSet(tcp) && !server.listenTcp(parser.value(tcp), &error))
        return usageError(error);
    if (parser.isSet(rtuLink)) {
        const QByteArray link = parser.value(rtuLink).toLocal8Bit();
        std::strncpy(rtuLinkToRemove, link.constData(), sizeof rtuLinkToRemove - 1);
        if (!server.openRtu(parser.value(rtuLink), baudRate, &error))
            return usageError(error);
        std::signal(SIGTERM, removeLinkAndExit);
        std::signal(SIGINT, removeLinkAndExit);
    }
    if (parser.isSet(fire))
        model.setFire(true, clock.elapsed());
    if (parser.isSet(fault))
        model.setFault(quint16(parser.value(fault).toUInt()), clock.elapsed());

    gate::lanesim::ControlChannel control(model, server, clock, printLine);
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] { model.tick(clock.elapsed()); });
    tick.start(5);
    const int rc = app.exec();
    if (rtuLinkToRemove[0])
        ::unlink(rtuLinkToRemove);
    return rc;
}
