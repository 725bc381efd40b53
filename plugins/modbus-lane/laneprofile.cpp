#include "laneprofile.h"

#include "hal/jsonkeylines.h"
#include "hal/lanenames.h"
#include "hal/wholenumber.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace gate::modbuslane {

namespace {

constexpr qint64 maxProfileBytes = 64 * 1024;
constexpr int maxRegistersPerRead = 125; // Modbus FC04 limit

// Reads one JSON object into a profile, remembering the first error with the
// full key path ("watchdog.time_ms") so the integrator knows what to fix.
class ProfileReader {
public:
    explicit ProfileReader(QString *error)
        : m_error(error) {}

    bool failed() const { return m_failed; }

    bool fail(const QString &key, const QString &message) {
        if (!m_failed && m_error)
            *m_error = QStringLiteral("%1: %2").arg(key, message);
        m_failed = true;
        return false;
    }

    // Every key of `object` must be one of `known`.
    void onlyKnownKeys(const QJsonObject &object, const QString &prefix,
                       std::initializer_list<const char *> known) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *k) {
                return it.key() == QLatin1String(k);
            });
            if (!isKnown)
                fail(prefix + it.key(), QStringLiteral("is not a profile setting"));
        }
    }

    void integer(const QJsonObject &object, const QString &prefix, const char *key, int min,
                 int max, int &target, int multipleOf = 1) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        const QString name = prefix + QLatin1String(key);
        const std::optional<qint64> number = hal::wholeNumber(value);
        if (!number || *number < min || *number > max) {
            fail(name, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return;
        }
        if (*number % multipleOf != 0) {
            fail(name, QStringLiteral("must be a multiple of %1").arg(multipleOf));
            return;
        }
        target = int(*number);
    }

    void boolean(const QJsonObject &object, const char *key, bool &target) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isBool())
            fail(QLatin1String(key), QStringLiteral("must be true or false"));
        target = value.toBool(target);
    }

    template <typename Enum>
    void choice(const QJsonObject &object, const QString &prefix, const char *key,
                std::initializer_list<std::pair<const char *, Enum>> choices, Enum &target) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        QStringList names;
        for (const auto &[name, enumValue] : choices) {
            if (value.toString() == QLatin1String(name)) {
                target = enumValue;
                return;
            }
            names << QLatin1String(name);
        }
        fail(prefix + QLatin1String(key),
             QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
    }

    // A nested object; an absent key gives an empty object.
    QJsonObject section(const QJsonObject &object, const char *key) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isObject())
            fail(QLatin1String(key), QStringLiteral("must be an object"));
        return value.toObject();
    }

    // A map of names to 16-bit wire values: `names[i]` (hal/lanenames.h) sets
    // `target[first + i]`.
    template <size_t N>
    void values(const QJsonObject &root, const char *key, std::span<const std::string_view> names,
                std::size_t first, std::array<quint16, N> &target) {
        const QJsonObject object = section(root, key);
        const QString prefix = QLatin1String(key) + QLatin1Char('.');
        for (auto it = object.begin(); it != object.end(); ++it) {
            const auto found = std::find_if(names.begin(), names.end(), [&](std::string_view name) {
                return it.key() == QLatin1StringView(name.data(), qsizetype(name.size()));
            });
            if (found == names.end()) {
                fail(prefix + it.key(), QStringLiteral("is not a known name"));
                return;
            }
            int value = -1;
            integer(object, prefix, found->data(), 0, 65535, value);
            if (value >= 0)
                target[first + std::size_t(found - names.begin())] = quint16(value);
        }
        QSet<int> seen;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (seen.contains(target[first + i])) {
                fail(prefix + QLatin1StringView(names[i].data(), qsizetype(names[i].size())),
                     QStringLiteral("repeats the value of another name"));
                return;
            }
            seen.insert(target[first + i]);
        }
    }

private:
    QString *m_error;
    bool m_failed = false;
};

void readHolding(ProfileReader &r, const QJsonObject &o, LaneProfile::HoldingMap &h) {
    const QString p = QStringLiteral("holding.");
    r.onlyKnownKeys(o, p,
                    {"cmd_code", "cmd_arg", "cmd_seq", "heartbeat", "watchdog_time",
                     "watchdog_action", "pass_timeout", "close_delay"});
    r.integer(o, p, "cmd_code", 0, 65535, h.cmdCode);
    r.integer(o, p, "cmd_arg", 0, 65535, h.cmdArg);
    r.integer(o, p, "cmd_seq", 0, 65535, h.cmdSeq);
    r.integer(o, p, "heartbeat", 0, 65535, h.heartbeat);
    r.integer(o, p, "watchdog_time", 0, 65535, h.watchdogTime);
    r.integer(o, p, "watchdog_action", 0, 65535, h.watchdogAction);
    r.integer(o, p, "pass_timeout", 0, 65535, h.passTimeout);
    r.integer(o, p, "close_delay", 0, 65535, h.closeDelay);
}

void readInput(ProfileReader &r, const QJsonObject &o, LaneProfile::InputMap &i) {
    const QString p = QStringLiteral("input.");
    r.onlyKnownKeys(o, p,
                    {"inputs", "mode", "pending_entry", "pending_exit", "passed_entry",
                     "passed_exit", "last_event", "event_seq", "fault_code", "heartbeat_echo",
                     "firmware", "ack_seq", "ack_result"});
    r.integer(o, p, "inputs", 0, 65535, i.inputs);
    r.integer(o, p, "mode", 0, 65535, i.mode);
    r.integer(o, p, "pending_entry", 0, 65535, i.pendingEntry);
    r.integer(o, p, "pending_exit", 0, 65535, i.pendingExit);
    r.integer(o, p, "passed_entry", 0, 65534, i.passedEntry);
    r.integer(o, p, "passed_exit", 0, 65534, i.passedExit);
    r.integer(o, p, "last_event", 0, 65535, i.lastEvent);
    r.integer(o, p, "event_seq", 0, 65535, i.eventSeq);
    r.integer(o, p, "fault_code", 0, 65535, i.faultCode);
    r.integer(o, p, "heartbeat_echo", 0, 65535, i.heartbeatEcho);
    r.integer(o, p, "firmware", 0, 65535, i.firmware);
    r.integer(o, p, "ack_seq", 0, 65535, i.ackSeq);
    r.integer(o, p, "ack_result", 0, 65535, i.ackResult);
}

void readCoils(ProfileReader &r, const QJsonObject &o, LaneProfile::CoilMap &c) {
    const QString p = QStringLiteral("coils.");
    r.onlyKnownKeys(o, p,
                    {"open_entry", "open_exit", "close", "free_passage", "lock", "emergency_open"});
    r.integer(o, p, "open_entry", 0, 65535, c.openEntry);
    r.integer(o, p, "open_exit", 0, 65535, c.openExit);
    r.integer(o, p, "close", 0, 65535, c.close);
    r.integer(o, p, "free_passage", 0, 65535, c.freePassage);
    r.integer(o, p, "lock", 0, 65535, c.lock);
    r.integer(o, p, "emergency_open", 0, 65535, c.emergencyOpen);
}

// The status registers a register profile maps, by their key in "input".
std::vector<std::pair<const char *, int>> mappedInputRegisters(const LaneProfile::InputMap &i) {
    return {{"inputs", i.inputs},
            {"mode", i.mode},
            {"pending_entry", i.pendingEntry},
            {"pending_exit", i.pendingExit},
            {"passed_entry", i.passedEntry},
            {"passed_entry", i.passedEntry + 1},
            {"passed_exit", i.passedExit},
            {"passed_exit", i.passedExit + 1},
            {"last_event", i.lastEvent},
            {"event_seq", i.eventSeq},
            {"fault_code", i.faultCode},
            {"heartbeat_echo", i.heartbeatEcho},
            {"firmware", i.firmware},
            {"ack_seq", i.ackSeq},
            {"ack_result", i.ackResult}};
}

// "staff_call": an input register and a bit on a register lane, a discrete
// input from 16 on for a coil lane. Read after "kind", "input" and
// "status_inputs", which it is checked against.
void readStaffCall(ProfileReader &r, const QJsonObject &root, LaneProfile &profile) {
    if (!root.contains(QLatin1String("staff_call")))
        return;
    const QJsonObject o = r.section(root, "staff_call");
    const QString p = QStringLiteral("staff_call.");
    LaneProfile::StaffCallInput input{-1, 0};
    if (profile.kind == LaneProfile::Kind::Coils) {
        if (o.contains(QLatin1String("input_register")))
            r.fail(p + QStringLiteral("input_register"),
                   QStringLiteral("a coil profile has no input registers: set discrete_input"));
        r.onlyKnownKeys(o, p, {"discrete_input"});
        r.integer(o, p, "discrete_input", 16, 1999, input.address);
        if (input.address < 0)
            r.fail(p + QStringLiteral("discrete_input"),
                   QStringLiteral("is required: the discrete input the staff-call button is "
                                  "wired to (16 and up; 0..15 are the status inputs)"));
        if (!profile.statusInputs)
            r.fail(p + QStringLiteral("discrete_input"),
                   QStringLiteral("needs status_inputs: the staff call is read with them"));
        profile.staffCall = input;
        return;
    }
    if (o.contains(QLatin1String("discrete_input")))
        r.fail(p + QStringLiteral("discrete_input"),
               QStringLiteral("a register profile reads one input-register block per poll: "
                              "set input_register and bit"));
    r.onlyKnownKeys(o, p, {"input_register", "bit"});
    r.integer(o, p, "input_register", 0, 65535, input.address);
    r.integer(o, p, "bit", 0, 15, input.bit);
    if (input.address < 0 || !o.contains(QLatin1String("bit")))
        r.fail(input.address < 0 ? p + QStringLiteral("input_register") : p + QStringLiteral("bit"),
               QStringLiteral("is required: the staff call is a bit of an input register"));
    if (r.failed())
        return;
    for (const auto &[key, address] : mappedInputRegisters(profile.input)) {
        if (address != input.address)
            continue;
        r.fail(p + QStringLiteral("input_register"),
               address == profile.input.inputs
                   ? QStringLiteral("IR %1 packs DI 0..15, which the default table fills; "
                                    "use a register of its own")
                         .arg(address)
                   : QStringLiteral("IR %1 is the profile's input.%2").arg(address).arg(key));
        return;
    }
    profile.staffCall = input;
    if (profile.inputBlockCount() > maxRegistersPerRead)
        r.fail(p + QStringLiteral("input_register"),
               QStringLiteral("IR %1 takes the status block to %2 registers; one read takes at "
                              "most %3")
                   .arg(input.address)
                   .arg(profile.inputBlockCount())
                   .arg(maxRegistersPerRead));
}

bool checkLayout(ProfileReader &r, const LaneProfile &profile) {
    if (profile.kind == LaneProfile::Kind::Coils)
        return true;
    const auto &h = profile.holding;
    const int start = profile.commandBlockStart();
    const QSet<int> triple{h.cmdCode, h.cmdArg, h.cmdSeq};
    if (triple != QSet<int>{start, start + 1, start + 2})
        return r.fail(QStringLiteral("holding"),
                      QStringLiteral("cmd_code, cmd_arg and cmd_seq must be three adjacent "
                                     "registers (they are written in one FC16 request)"));
    if (profile.inputBlockCount() > maxRegistersPerRead)
        return r.fail(QStringLiteral("input"),
                      QStringLiteral("the status registers span %1 registers; one read "
                                     "takes at most %2")
                          .arg(profile.inputBlockCount())
                          .arg(maxRegistersPerRead));
    return true;
}

} // namespace

int LaneProfile::inputBlockStart() const {
    const auto &i = input;
    const int first = std::min({i.inputs, i.mode, i.pendingEntry, i.pendingExit, i.passedEntry,
                                i.passedExit, i.lastEvent, i.eventSeq, i.faultCode, i.heartbeatEcho,
                                i.firmware, i.ackSeq, i.ackResult});
    return staffCallRegister() ? std::min(first, staffCall->address) : first;
}

int LaneProfile::inputBlockCount() const {
    const auto &i = input;
    int last = std::max({i.inputs, i.mode, i.pendingEntry, i.pendingExit, i.passedEntry + 1,
                         i.passedExit + 1, i.lastEvent, i.eventSeq, i.faultCode, i.heartbeatEcho,
                         i.firmware, i.ackSeq, i.ackResult});
    if (staffCallRegister())
        last = std::max(last, staffCall->address);
    return last - inputBlockStart() + 1;
}

bool LaneProfile::staffCallRegister() const {
    return staffCall && kind == Kind::Registers;
}

int LaneProfile::discreteInputCount() const {
    return staffCall && kind == Kind::Coils ? std::max(16, staffCall->address + 1) : 16;
}

hal::LaneTraits LaneProfile::traits() const {
    hal::LaneTraits traits;
    traits.passTimeoutMs = passTimeoutMs;
    traits.countsPasses = kind == Kind::Registers;
    traits.wide = wide;
    return traits;
}

int LaneProfile::commandBlockStart() const {
    return std::min({holding.cmdCode, holding.cmdArg, holding.cmdSeq});
}

namespace {

// The profile of a JSON object; nothing, with "dotted.key: problem", when a
// setting is wrong.
std::optional<LaneProfile> readProfile(const QJsonObject &root, QString *error) {
    using Kind = LaneProfile::Kind;
    using WordOrder = LaneProfile::WordOrder;
    using WatchdogAction = LaneProfile::WatchdogAction;
    ProfileReader r(error);
    LaneProfile profile;
    r.onlyKnownKeys(root, QString(),
                    {"description",
                     "kind",
                     "unit",
                     "poll_period_ms",
                     "passage_poll_period_ms",
                     "response_timeout_ms",
                     "byte_timeout_ms",
                     "ack_timeout_ms",
                     "reconnect_max_ms",
                     "word_order",
                     "watchdog",
                     "pass_timeout_ms",
                     "close_delay_ms",
                     "heartbeat_echo_stale_ms",
                     "holding",
                     "input",
                     "commands",
                     "modes",
                     "events",
                     "results",
                     "coils",
                     "pulse_ms",
                     "status_inputs",
                     "staff_call",
                     "wide"});
    const QString top;
    r.choice(root, top, "kind", {{"registers", Kind::Registers}, {"coils", Kind::Coils}},
             profile.kind);
    r.integer(root, top, "unit", 1, 247, profile.unit);
    r.integer(root, top, "poll_period_ms", 10, 10000, profile.pollPeriodMs);
    r.integer(root, top, "passage_poll_period_ms", 10, 10000, profile.passagePollPeriodMs);
    r.integer(root, top, "response_timeout_ms", 5, 5000, profile.responseTimeoutMs);
    r.integer(root, top, "byte_timeout_ms", 1, 1000, profile.byteTimeoutMs);
    r.integer(root, top, "ack_timeout_ms", 10, 30000, profile.ackTimeoutMs);
    r.integer(root, top, "reconnect_max_ms", 100, 600000, profile.reconnectMaxMs);
    r.choice(root, top, "word_order",
             {{"high_first", WordOrder::HighFirst}, {"low_first", WordOrder::LowFirst}},
             profile.wordOrder);
    const QJsonObject watchdog = r.section(root, "watchdog");
    r.onlyKnownKeys(watchdog, QStringLiteral("watchdog."), {"time_ms", "action"});
    r.integer(watchdog, QStringLiteral("watchdog."), "time_ms", 0, 6553500, profile.watchdogTimeMs,
              100);
    r.choice(watchdog, QStringLiteral("watchdog."), "action",
             {{"hold", WatchdogAction::Hold},
              {"close_lock_entry", WatchdogAction::CloseLockEntry},
              {"open_both", WatchdogAction::OpenBoth}},
             profile.watchdogAction);
    r.integer(root, top, "pass_timeout_ms", 100, 6553500, profile.passTimeoutMs, 100);
    r.integer(root, top, "close_delay_ms", 0, 6553500, profile.closeDelayMs, 100);
    r.integer(root, top, "heartbeat_echo_stale_ms", 0, 60000, profile.heartbeatEchoStaleMs);
    readHolding(r, r.section(root, "holding"), profile.holding);
    readInput(r, r.section(root, "input"), profile.input);
    // Commands start at 1 on the wire; a lane answers only the first results.
    r.values(root, "commands", std::span(hal::kLaneCommandNames).subspan(1), 1,
             profile.commandValues);
    r.values(root, "modes", hal::kLaneModeNames, 0, profile.modeValues);
    r.values(root, "events", hal::kLaneEventNames, 0, profile.eventValues);
    r.values(root, "results",
             std::span(hal::kLaneCommandResultNames).first(hal::kLaneAnsweredResults), 0,
             profile.resultValues);
    readCoils(r, r.section(root, "coils"), profile.coils);
    r.integer(root, top, "pulse_ms", 100, 10000, profile.pulseMs);
    r.boolean(root, "status_inputs", profile.statusInputs);
    r.boolean(root, "wide", profile.wide);
    readStaffCall(r, root, profile);
    if (r.failed() || !checkLayout(r, profile))
        return std::nullopt;
    return profile;
}

} // namespace

std::optional<LaneProfile> LaneProfile::fromJson(const QByteArray &json, QString *error,
                                                 const QString &file) {
    QString problem;
    std::optional<LaneProfile> profile;
    if (json.size() > maxProfileBytes) {
        problem =
            QStringLiteral("%1: profile is larger than %2 bytes").arg(file).arg(maxProfileBytes);
    } else if (const auto document = hal::parseJsonFile(json, file, &problem)) {
        if (document->isObject())
            profile = readProfile(document->object(), &problem);
        if (!document->isObject())
            problem = QStringLiteral("%1: profile must be a JSON object").arg(file);
        else if (!profile)
            problem = hal::JsonKeyLines(json).place(file, problem);
    }
    if (!profile && error)
        *error = problem;
    return profile;
}

std::optional<LaneProfile> LaneProfile::fromFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("cannot read lane profile %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.read(maxProfileBytes + 1), error, path);
}

} // namespace gate::modbuslane
