// gatectl lane status|open|close|mode (spec/gatectl.md): talks to a lane
// through the modbus-lane device plugin, the same driver the gate runs.
#include "cli.h"

#include "hal/laneactuator.h"
#include "hal/lanenames.h"
#include "hal/monotonicclock.h"
#include "hal/plugincatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace gatectl {

namespace {

using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;
using gate::hal::LaneStatus;

QJsonObject describe(const LaneStatus &status) {
    QJsonObject inputs;
    for (int bit = 0; bit < 16; ++bit)
        inputs.insert(gate::hal::laneName(gate::hal::kLaneInputNames, std::size_t(bit)),
                      status.input(bit));
    return {{QStringLiteral("command"), QStringLiteral("status")},
            {QStringLiteral("link_up"), status.linkUp},
            {QStringLiteral("mode"), gate::hal::name(status.mode)},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("pending_entry"), status.pendingEntry},
            {QStringLiteral("pending_exit"), status.pendingExit},
            {QStringLiteral("passed_entry"), qint64(status.passedEntry)},
            {QStringLiteral("passed_exit"), qint64(status.passedExit)},
            {QStringLiteral("last_event"),
             gate::hal::laneName(gate::hal::kLaneEventNames, status.lastEvent)},
            {QStringLiteral("event_seq"), status.eventSeq},
            {QStringLiteral("fault_code"), status.faultCode},
            {QStringLiteral("firmware"), status.firmware},
            {QStringLiteral("last_seq"), status.acknowledgedSeq}};
}

struct Request {
    QString verb;
    QJsonObject echo; // fields that identify the request in the answer
    std::optional<LaneCommand> command;
};

std::optional<Request> parseRequest(const QStringList &words, QString *error) {
    const QString verb = words.value(0);
    Request request{verb, {{QStringLiteral("command"), verb}}, std::nullopt};
    if (verb == QLatin1String("status") && words.size() == 1)
        return request;
    if (verb == QLatin1String("close") && words.size() == 1) {
        request.command = LaneCommand::Close;
        return request;
    }
    if (verb == QLatin1String("open") && words.size() <= 2) {
        const QString direction = words.value(1, QStringLiteral("entry"));
        if (direction != QLatin1String("entry") && direction != QLatin1String("exit")) {
            *error = QStringLiteral("lane open takes entry or exit, not \"%1\"").arg(direction);
            return std::nullopt;
        }
        request.command =
            direction == QLatin1String("entry") ? LaneCommand::OpenEntry : LaneCommand::OpenExit;
        request.echo.insert(QStringLiteral("direction"), direction);
        return request;
    }
    if (verb == QLatin1String("mode") && words.size() == 2) {
        static const std::pair<const char *, LaneCommand> modes[] = {
            {"normal", LaneCommand::Normal},
            {"free-entry", LaneCommand::FreeEntry},
            {"free-exit", LaneCommand::FreeExit},
            {"free", LaneCommand::FreeBoth},
            {"locked", LaneCommand::Lock},
            {"emergency", LaneCommand::EmergencyOpen},
            {"emergency-reset", LaneCommand::EmergencyReset},
            {"alarm-reset", LaneCommand::AlarmReset},
        };
        for (const auto &[name, command] : modes) {
            if (words.at(1) == QLatin1String(name)) {
                request.command = command;
                request.echo.insert(QStringLiteral("mode"), words.at(1));
                return request;
            }
        }
        *error = QStringLiteral("lane mode takes normal, free-entry, free-exit, free, locked, "
                                "emergency, emergency-reset or alarm-reset");
        return std::nullopt;
    }
    *error = QStringLiteral("usage: gatectl lane status|open [entry|exit]|close|mode MODE "
                            "--modbus URL [--profile FILE] [--unit ID] [--wait-ms MS]");
    return std::nullopt;
}

double msSince(qint64 startNs, qint64 endNs) {
    return double(endNs - startNs) / 1e6;
}

} // namespace

int lane(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl lane status|open [entry|exit]|close|mode MODE --modbus "
                       "tcp://HOST:PORT|rtu:/dev/ttyX[,BAUD] [--profile FILE] [--unit N] "
                       "[--wait-ms MS]"),
        {QCommandLineOption(QStringLiteral("modbus"), QString(), QStringLiteral("URL")),
         QCommandLineOption(QStringLiteral("profile"), QString(), QStringLiteral("FILE")),
         QCommandLineOption(QStringLiteral("unit"), QString(), QStringLiteral("N")),
         QCommandLineOption(QStringLiteral("wait-ms"), QString(), QStringLiteral("MS"))});
    if (!arguments.parse(args))
        return exitUsage;
    if (!arguments.isSet(QStringLiteral("modbus")))
        return arguments.usageError(QStringLiteral("lane: --modbus is required"));
    // The unit, when given, replaces the profile's (spec/gate-modbus.md: 1..247).
    const std::optional<qint64> unit = arguments.integer(QStringLiteral("unit"), 1, 247, 1);
    const std::optional<qint64> waitMs =
        arguments.integer(QStringLiteral("wait-ms"), 1, 600'000, 3000);
    if (!unit || !waitMs)
        return exitUsage;
    // A maintenance tool must not arm the lane's watchdog and then leave:
    // the lane would fall into its watchdog action once gatectl exits.
    QJsonObject settings{{QStringLiteral("config_dir"), QDir::currentPath()},
                         {QStringLiteral("supervise"), false},
                         {QStringLiteral("url"), arguments.value(QStringLiteral("modbus"))}};
    if (arguments.isSet(QStringLiteral("unit")))
        settings.insert(QStringLiteral("unit"), *unit);
    if (arguments.isSet(QStringLiteral("profile")))
        settings.insert(QStringLiteral("profile"), arguments.value(QStringLiteral("profile")));
    const QStringList words = arguments.positional();
    QString error;
    const auto request = parseRequest(words, &error);
    if (!request)
        return arguments.usageError(error);

    gate::hal::PluginCatalog catalog;
    auto *plugin = catalog.plugin(QStringLiteral("modbus-lane"), &error);
    if (!plugin) {
        printError(error);
        return exitRefused;
    }
    auto actuator = plugin->createLaneActuator(QStringLiteral("lane"), settings, &error);
    if (!actuator)
        return usageError(error);

    QEventLoop loop;
    QObject context;
    std::optional<LaneStatus> status;
    std::optional<LaneCommandResult> result;
    qint64 doneNs = 0;
    gate::hal::LaneActuatorThread lane(std::move(actuator));
    QObject::connect(lane.actuator(), &gate::hal::LaneActuator::statusChanged, &context,
                     [&](const LaneStatus &s) {
                         status = s;
                         if (s.linkUp && !request->command)
                             loop.quit();
                     });
    QObject::connect(lane.actuator(), &gate::hal::LaneActuator::commandDone, &context,
                     [&](quint64, LaneCommandResult r, qint64 ns) {
                         result = r;
                         doneNs = ns;
                         loop.quit();
                     });
    QTimer::singleShot(int(*waitMs), &loop, &QEventLoop::quit);

    // First the link: a command sent before the first status would be refused.
    if (request->command) {
        QObject::connect(lane.actuator(), &gate::hal::LaneActuator::statusChanged, &loop,
                         &QEventLoop::quit);
    }
    loop.exec();
    QJsonObject answer = request->echo;
    if (!status || !status->linkUp) {
        answer.insert(QStringLiteral("acked"), false);
        answer.insert(QStringLiteral("error"), QStringLiteral("unreachable"));
        printJson(answer);
        printError(QStringLiteral("no answer from the lane at %1 within %2 ms")
                       .arg(settings.value(QStringLiteral("url")).toString())
                       .arg(*waitMs));
        return exitRefused;
    }
    if (!request->command) {
        printJson(describe(*status));
        return exitRan;
    }

    QObject::disconnect(lane.actuator(), &gate::hal::LaneActuator::statusChanged, &loop,
                        &QEventLoop::quit);
    const qint64 sentNs = gate::hal::monotonicNowNs();
    lane.command(*request->command, 1, 1);
    QTimer::singleShot(int(*waitMs), &loop, &QEventLoop::quit);
    loop.exec();
    const bool acked = result && *result != LaneCommandResult::NotAcknowledged &&
                       *result != LaneCommandResult::LinkDown;
    if (acked)
        answer.insert(QStringLiteral("seq"), status->acknowledgedSeq);
    answer.insert(QStringLiteral("acked"), acked);
    answer.insert(QStringLiteral("result"),
                  gate::hal::name(result.value_or(LaneCommandResult::NotAcknowledged)));
    if (result)
        answer.insert(QStringLiteral("ms"), qRound(msSince(sentNs, doneNs) * 100) / 100.0);
    printJson(answer);
    return acked ? exitRan : exitRefused;
}

} // namespace gatectl
