// gatectl lane status|open|close|mode (spec/gatectl.md): talks to a lane
// through the modbus-lane device plugin, the same driver the gate runs.
#include "cli.h"

#include "hal/configfiles.h"
#include "hal/laneactuator.h"
#include "hal/plugincatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <chrono>
#include <optional>

namespace gatectl {

namespace {

using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;
using gate::hal::LaneStatus;

const char *const modeNames[] = {"controlled", "free_entry", "free_exit",     "free_both",
                                 "locked",     "emergency",  "out_of_service"};
const char *const inputNames[] = {
    "barrier_closed", "barrier_open",   "occupied",   "entry_beam", "centre_beam",     "exit_beam",
    "tailgating",     "intrusion",      "wrong_way",  "climb",      "passage_timeout", "fire_alarm",
    "emergency",      "out_of_service", "on_battery", "obstruction"};
const char *const eventNames[] = {"none",           "passed_entry", "passed_exit",
                                  "pass_timed_out", "tailgating",   "intrusion",
                                  "wrong_way",      "fire_alarm",   "fault"};

QString resultName(LaneCommandResult result) {
    switch (result) {
    case LaneCommandResult::Ok:
        return QStringLiteral("ok");
    case LaneCommandResult::RefusedMode:
        return QStringLiteral("refused_mode");
    case LaneCommandResult::RefusedOccupied:
        return QStringLiteral("refused_occupied");
    case LaneCommandResult::Fault:
        return QStringLiteral("fault");
    case LaneCommandResult::NotAcknowledged:
        return QStringLiteral("not_acknowledged");
    case LaneCommandResult::LinkDown:
        return QStringLiteral("link_down");
    }
    return QStringLiteral("unknown");
}

QJsonObject describe(const LaneStatus &status) {
    QJsonObject inputs;
    for (int bit = 0; bit < 16; ++bit)
        inputs.insert(QLatin1String(inputNames[bit]), status.input(bit));
    const quint16 event = status.lastEvent < std::size(eventNames) ? status.lastEvent : 0;
    return {{QStringLiteral("command"), QStringLiteral("status")},
            {QStringLiteral("link_up"), status.linkUp},
            {QStringLiteral("mode"), QLatin1String(modeNames[int(status.mode)])},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("pending_entry"), status.pendingEntry},
            {QStringLiteral("pending_exit"), status.pendingExit},
            {QStringLiteral("passed_entry"), qint64(status.passedEntry)},
            {QStringLiteral("passed_exit"), qint64(status.passedExit)},
            {QStringLiteral("last_event"), QLatin1String(eventNames[event])},
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

qint64 steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

int lane(const QStringList &args) {
    QStringList words;
    // A maintenance tool must not arm the lane's watchdog and then leave:
    // the lane would fall into its watchdog action once gatectl exits.
    // --profile: a file of the current folder, else one of the shipped profiles.
    QJsonObject settings{
        {gate::hal::kConfigDirsSetting, gate::hal::configSearchPath(QDir::currentPath())},
        {QStringLiteral("supervise"), false}};
    int waitMs = 3000;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--modbus") && hasValue)
            settings.insert(QStringLiteral("url"), args.at(++i));
        else if (arg == QLatin1String("--profile") && hasValue)
            settings.insert(QStringLiteral("profile"), args.at(++i));
        else if (arg == QLatin1String("--unit") && hasValue)
            settings.insert(QStringLiteral("unit"), args.at(++i).toInt());
        else if (arg == QLatin1String("--wait-ms") && hasValue)
            waitMs = std::clamp(args.at(++i).toInt(), 1, 600000);
        else if (arg.startsWith(QLatin1String("--")))
            return usageError(QStringLiteral("lane: unknown option or missing value: %1").arg(arg));
        else
            words << arg;
    }
    QString error;
    const auto request = parseRequest(words, &error);
    if (!request)
        return usageError(error);
    if (!settings.contains(QStringLiteral("url")))
        return usageError(QStringLiteral("lane: --modbus tcp://HOST:PORT|rtu:/dev/ttyX[,BAUD] "
                                         "is required"));

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
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);

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
                       .arg(waitMs));
        return exitRefused;
    }
    if (!request->command) {
        printJson(describe(*status));
        return exitRan;
    }

    QObject::disconnect(lane.actuator(), &gate::hal::LaneActuator::statusChanged, &loop,
                        &QEventLoop::quit);
    const qint64 sentNs = steadyNs();
    lane.command(*request->command, 1, 1);
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    loop.exec();
    const bool acked = result && *result != LaneCommandResult::NotAcknowledged &&
                       *result != LaneCommandResult::LinkDown;
    if (acked)
        answer.insert(QStringLiteral("seq"), status->acknowledgedSeq);
    answer.insert(QStringLiteral("acked"), acked);
    answer.insert(QStringLiteral("result"),
                  result ? resultName(*result) : QStringLiteral("not_acknowledged"));
    if (result)
        answer.insert(QStringLiteral("ms"), qRound(msSince(sentNs, doneNs) * 100) / 100.0);
    printJson(answer);
    return acked ? exitRan : exitRefused;
}

} // namespace gatectl
