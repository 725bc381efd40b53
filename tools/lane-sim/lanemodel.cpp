#include "lanemodel.h"

#include "hal/lanenames.h"

#include <algorithm>

namespace gate::lanesim {

namespace {

// Default-profile values (spec/gate-modbus.md).
enum Mode : quint16 { Controlled, FreeEntry, FreeExit, FreeBoth, Locked, Emergency, Faulted };
enum Event : quint16 {
    PassedEntry = 1,
    PassedExit,
    PassTimedOut,
    Tailgating,
    Intrusion,
    WrongWay,
    FireAlarm,
    Fault
};
enum Result : quint16 { Ok, RefusedMode, RefusedOccupied, ResultFault };
enum Holding {
    CmdCode,
    CmdArg,
    CmdSeq,
    Heartbeat,
    WatchdogTime,
    WatchdogAction,
    PassTimeout,
    CloseDelay
};
enum Input {
    BarrierClosed = 0,
    BarrierOpen,
    Occupied,
    EntryBeam,
    CentreBeam,
    ExitBeam,
    TailgatingInput,
    IntrusionInput,
    WrongWayInput,
    Climb,
    PassageTimeoutInput,
    FireInput,
    EmergencyInput,
    OutOfServiceInput,
};
constexpr quint16 unlimitedPasses = 0xFFFF;
constexpr quint16 latchedAlarms =
    1u << TailgatingInput | 1u << IntrusionInput | 1u << WrongWayInput | 1u << PassageTimeoutInput;

quint16 addPasses(quint16 pending, quint16 more) {
    if (pending == unlimitedPasses || more == unlimitedPasses)
        return unlimitedPasses;
    return quint16(std::min(int(pending) + more, int(unlimitedPasses) - 1));
}

} // namespace

LaneModel::LaneModel(const LaneTiming &timing, PassengerModel passengers, Output output,
                     bool fireRelease)
    : m_timing(timing)
    , m_passengers(std::move(passengers))
    , m_output(std::move(output))
    , m_fireRelease(fireRelease) {
    m_holding[PassTimeout] = 50;
    m_holding[CloseDelay] = 5;
}

void LaneModel::fillHolding(quint16 *holding) const {
    std::copy(m_holding.begin(), m_holding.end(), holding);
}

void LaneModel::fillInputs(quint16 *ir, quint8 *di) const {
    const quint16 bits = inputs();
    ir[0] = bits;
    ir[1] = m_mode;
    ir[2] = m_pendingEntry;
    ir[3] = m_pendingExit;
    ir[4] = quint16(m_passedEntry >> 16);
    ir[5] = quint16(m_passedEntry);
    ir[6] = quint16(m_passedExit >> 16);
    ir[7] = quint16(m_passedExit);
    ir[8] = m_lastEvent;
    ir[9] = m_eventSeq;
    ir[10] = m_faultCode;
    ir[11] = m_holding[Heartbeat];
    ir[12] = m_firmware;
    ir[13] = m_executedSeq;
    ir[14] = m_result;
    ir[staffCallRegister] = m_staffCall ? 1 : 0;
    for (int bit = 0; bit < statusInputCount; ++bit)
        di[bit] = (bits >> bit) & 1u;
    di[staffCallInput] = m_staffCall ? 1 : 0;
}

void LaneModel::applyWrites(const quint16 *holding, const quint8 *coils, qint64 nowMs) {
    if (m_hung)
        return;
    if (holding[Heartbeat] != m_holding[Heartbeat]) {
        m_heartbeatChangedMs = nowMs;
        if (m_watchdogTripped) {
            m_watchdogTripped = false;
            if (m_modeBeforeWatchdog && !emergency())
                setMode(*m_modeBeforeWatchdog);
            m_modeBeforeWatchdog.reset();
            m_output({{QStringLiteral("watchdog"), QStringLiteral("cleared")}});
        }
    }
    const bool newSeq = holding[CmdSeq] != m_executedSeq;
    std::copy(holding, holding + holdingCount, m_holding.begin());
    if (newSeq)
        execute(holding[CmdCode], holding[CmdArg], holding[CmdSeq], nowMs);
    applyCoilEdges(coils, nowMs);
}

void LaneModel::execute(quint16 code, quint16 arg, quint16 seq, qint64 nowMs) {
    m_executedSeq = seq;
    m_result = executeCode(code, arg, nowMs);
    m_output({{QStringLiteral("command"), gate::hal::laneName(gate::hal::kLaneCommandNames, code)},
              {QStringLiteral("code"), code},
              {QStringLiteral("arg"), arg},
              {QStringLiteral("seq"), seq},
              {QStringLiteral("result"), m_result},
              {QStringLiteral("result_name"),
               gate::hal::laneName(gate::hal::kLaneCommandResultNames, m_result)}});
}

quint16 LaneModel::executeCode(quint16 code, quint16 arg, qint64 nowMs) {
    switch (code) {
    case 9: // emergency open, latched
        m_emergencyLatched = true;
        m_pendingEntry = m_pendingExit = 0;
        setMode(Emergency);
        return Ok;
    case 10: // emergency reset
        if (m_fire)
            return RefusedMode;
        m_emergencyLatched = false;
        setMode(m_faultCode ? Faulted : Controlled);
        return Ok;
    case 11: // alarm reset
        m_alarmInputs = 0;
        return Ok;
    default:
        break;
    }
    if (emergency())
        return RefusedMode;
    if (m_faultCode)
        return ResultFault;
    switch (code) {
    case 1:
    case 2:
        return authorise(code == 1, arg, nowMs);
    case 3:
        m_pendingEntry = m_pendingExit = 0;
        return Ok;
    case 4:
        setMode(FreeEntry);
        return Ok;
    case 5:
        setMode(FreeExit);
        return Ok;
    case 6:
        setMode(FreeBoth);
        return Ok;
    case 7:
        m_pendingEntry = m_pendingExit = 0;
        setMode(Locked);
        return Ok;
    case 8:
        setMode(Controlled);
        return Ok;
    default:
        return RefusedMode;
    }
}

quint16 LaneModel::authorise(bool entry, quint16 passes, qint64 nowMs) {
    if (m_mode == Locked)
        return RefusedMode;
    if (freeFor(entry))
        return Ok;
    const bool oppositeInLane = std::any_of(m_walkers.begin(), m_walkers.end(), [&](auto &w) {
        return w.enteredMs && w.entry != entry;
    });
    if (oppositeInLane)
        return RefusedOccupied;
    quint16 &pending = entry ? m_pendingEntry : m_pendingExit;
    pending = addPasses(pending, passes ? passes : 1);
    m_passDeadlineMs = nowMs + qint64(m_holding[PassTimeout]) * 100;
    // N passes: N passengers walk up, one by one, each behaving in turn.
    // "Until cancelled" brings one; the others are walked in by hand.
    const int members = passes == unlimitedPasses ? 1 : std::max<int>(1, passes);
    qint64 arrive = nowMs;
    for (int member = 0; member < members; ++member) {
        const Behaviour behaviour = m_passengers.next();
        const double pace = m_passengers.nextPace();
        arrive += qint64(m_timing.walkDelayMs * pace);
        const qint64 walk = std::max<qint64>(3, qint64(m_timing.walkMs * pace));
        switch (behaviour) {
        case Behaviour::Pass:
            m_walkers.push_back({WalkerKind::Authorised, entry, arrive, walk});
            break;
        case Behaviour::Tailgate:
            m_walkers.push_back({WalkerKind::Authorised, entry, arrive, walk});
            m_walkers.push_back({WalkerKind::Tailgater, entry, arrive + walk / 3, walk});
            break;
        case Behaviour::WrongWay:
            m_walkers.push_back({WalkerKind::WrongWay, !entry, arrive, walk});
            break;
        case Behaviour::Hesitate:
        case Behaviour::Absent:
            break;
        }
        arrive += walk;
        m_output({{QStringLiteral("passenger"), toString(behaviour)},
                  {QStringLiteral("direction"),
                   entry ? QStringLiteral("entry") : QStringLiteral("exit")},
                  {QStringLiteral("member"), member + 1},
                  {QStringLiteral("of"), members}});
    }
    return Ok;
}

void LaneModel::applyCoilEdges(const quint8 *coils, qint64 nowMs) {
    for (int coil = 0; coil < coilCount; ++coil) {
        const bool on = coils[coil] != 0;
        if (on == (m_coils[size_t(coil)] != 0))
            continue;
        m_coils[size_t(coil)] = on;
        m_output({{QStringLiteral("coil"), coil}, {QStringLiteral("on"), on}});
        switch (coil) {
        case 0: // pulses act on the rising edge
        case 1:
            if (on && !emergency() && !m_faultCode)
                authorise(coil == 0, 1, nowMs);
            break;
        case 2:
            if (on)
                m_pendingEntry = m_pendingExit = 0;
            break;
        case 3: // levels
            if (!emergency() && !m_faultCode)
                setMode(on ? FreeBoth : (m_coils[4] ? Locked : Controlled));
            break;
        case 4:
            if (!emergency() && !m_faultCode)
                setMode(on ? Locked : (m_coils[3] ? FreeBoth : Controlled));
            break;
        case 5:
            if (on) {
                m_emergencyLatched = true;
                setMode(Emergency);
            } else if (!m_fire) {
                m_emergencyLatched = false;
                setMode(m_faultCode ? Faulted : Controlled);
            }
            break;
        }
    }
}

void LaneModel::tick(qint64 nowMs) {
    if (m_hung)
        return;
    checkWatchdog(nowMs);
    moveWalkers(nowMs);
    expirePasses(nowMs);
    moveDoor(nowMs);
    m_lastTickMs = nowMs;
}

void LaneModel::checkWatchdog(qint64 nowMs) {
    const qint64 limitMs = qint64(m_holding[WatchdogTime]) * 100;
    if (limitMs == 0 || m_watchdogTripped || nowMs - m_heartbeatChangedMs < limitMs)
        return;
    m_watchdogTripped = true;
    const quint16 action = m_holding[WatchdogAction];
    m_output({{QStringLiteral("watchdog"), QStringLiteral("tripped")},
              {QStringLiteral("action"), action}});
    if (emergency() || m_faultCode || action == 0)
        return;
    m_modeBeforeWatchdog = m_mode;
    if (action == 1) {
        m_pendingEntry = 0;
        setMode(FreeExit); // entry closed and locked, exit free
    } else if (action == 2) {
        setMode(FreeBoth); // evacuation: open both ways
    }
}

void LaneModel::moveWalkers(qint64 nowMs) {
    for (auto it = m_walkers.begin(); it != m_walkers.end();) {
        Walker &w = *it;
        if (nowMs < w.arriveMs) {
            ++it;
            continue;
        }
        if (!w.enteredMs) {
            const bool mayEnter = barrierOpen() || freeFor(w.entry);
            const quint16 pending = w.entry ? m_pendingEntry : m_pendingExit;
            if (w.kind == WalkerKind::Authorised && pending == 0 && !freeFor(w.entry)) {
                it = m_walkers.erase(it); // the pass was cancelled or timed out
                continue;
            }
            if (w.kind == WalkerKind::Intruder && !freeFor(w.entry)) {
                if (!w.alarmed) {
                    w.alarmed = true;
                    m_alarmInputs |= 1u << IntrusionInput;
                    event(Intrusion);
                }
                if (nowMs >= w.arriveMs + m_timing.turnBackMs) {
                    it = m_walkers.erase(it);
                    continue;
                }
            } else if (mayEnter) {
                w.enteredMs = nowMs;
                if (w.kind == WalkerKind::Tailgater) {
                    m_alarmInputs |= 1u << TailgatingInput;
                    event(Tailgating);
                } else if (w.kind == WalkerKind::WrongWay) {
                    m_alarmInputs |= 1u << WrongWayInput;
                    event(WrongWay);
                }
            }
            ++it;
            continue;
        }
        if (nowMs - *w.enteredMs < w.walkMs) {
            ++it;
            continue;
        }
        // Out at the far end.
        if (w.kind != WalkerKind::WrongWay) {
            (w.entry ? m_passedEntry : m_passedExit) += 1;
            quint16 &pending = w.entry ? m_pendingEntry : m_pendingExit;
            if (w.kind == WalkerKind::Authorised && pending != unlimitedPasses && pending > 0) {
                --pending;
                // The next member of a party gets the full pass time again.
                if (pending > 0)
                    m_passDeadlineMs = nowMs + qint64(m_holding[PassTimeout]) * 100;
            }
            if (w.kind != WalkerKind::Tailgater)
                event(w.entry ? PassedEntry : PassedExit);
        }
        it = m_walkers.erase(it);
    }
}

void LaneModel::expirePasses(qint64 nowMs) {
    if ((m_pendingEntry == 0 && m_pendingExit == 0) || nowMs < m_passDeadlineMs)
        return;
    const bool someoneInside = std::any_of(m_walkers.begin(), m_walkers.end(), [](auto &w) {
        return w.enteredMs && w.kind == WalkerKind::Authorised;
    });
    if (someoneInside || m_pendingEntry == unlimitedPasses || m_pendingExit == unlimitedPasses)
        return;
    m_pendingEntry = m_pendingExit = 0;
    m_alarmInputs |= 1u << PassageTimeoutInput;
    event(PassTimedOut);
}

void LaneModel::moveDoor(qint64 nowMs) {
    const bool wanted = m_pendingEntry || m_pendingExit || emergency() || freeFor(true) ||
                        freeFor(false) || anyoneInLane();
    if (wanted)
        m_wantedOpenUntilMs = nowMs + qint64(m_holding[CloseDelay]) * 100;
    const int step = int(std::clamp<qint64>(nowMs - m_lastTickMs, 0, m_timing.doorTravelMs));
    if (wanted || nowMs < m_wantedOpenUntilMs)
        m_doorMs = std::min(m_doorMs + step, m_timing.doorTravelMs);
    else
        m_doorMs = std::max(m_doorMs - step, 0);
    // Evacuation does not wait for the motor model: the spec wants the lane
    // open within one poll period, so an emergency releases the barrier at once.
    if (emergency())
        m_doorMs = m_timing.doorTravelMs;
}

void LaneModel::setFire(bool on, qint64) {
    if (on == m_fire)
        return;
    m_fire = on;
    if (!on)
        return;
    if (m_fireRelease) {
        m_emergencyLatched = true;
        m_pendingEntry = m_pendingExit = 0;
        setMode(Emergency);
    }
    event(FireAlarm);
}

void LaneModel::setHung(bool hung, qint64 nowMs) {
    if (hung == m_hung)
        return;
    m_hung = hung;
    m_output({{QStringLiteral("application"), QLatin1String(hung ? "hung" : "running")}});
    if (hung)
        return;
    // Restarted timers: the time spent hung moves no door and trips no watchdog.
    m_heartbeatChangedMs = nowMs;
    m_lastTickMs = nowMs;
}

void LaneModel::setFault(quint16 code, qint64) {
    m_faultCode = code;
    if (code) {
        m_pendingEntry = m_pendingExit = 0;
        event(Fault);
        if (!emergency())
            setMode(Faulted);
    } else if (m_mode == Faulted) {
        setMode(Controlled);
    }
}

void LaneModel::forceInput(int bit, bool on) {
    if (bit < 0 || bit >= statusInputCount)
        return;
    m_forcedInputs =
        on ? quint16(m_forcedInputs | 1u << bit) : quint16(m_forcedInputs & ~(1u << bit));
}

void LaneModel::setStaffCall(bool pressed) {
    if (pressed == m_staffCall)
        return;
    m_staffCall = pressed;
    m_output({{QStringLiteral("staff_call"), pressed}});
}

void LaneModel::walkUnauthorised(bool entry, qint64 nowMs) {
    m_walkers.push_back({WalkerKind::Intruder, entry, nowMs, m_timing.walkMs});
}

void LaneModel::event(quint16 code) {
    m_lastEvent = code;
    ++m_eventSeq; // wraps at 65535 by itself
    m_output({{QStringLiteral("event"), gate::hal::laneName(gate::hal::kLaneEventNames, code)},
              {QStringLiteral("code"), code},
              {QStringLiteral("seq"), m_eventSeq}});
}

void LaneModel::setMode(quint16 mode) {
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_output({{QStringLiteral("mode"), gate::hal::laneName(gate::hal::kLaneModeNames, mode)}});
}

bool LaneModel::freeFor(bool entry) const {
    return m_mode == FreeBoth || m_mode == Emergency || m_mode == (entry ? FreeEntry : FreeExit);
}

bool LaneModel::anyoneInLane() const {
    return std::any_of(m_walkers.begin(), m_walkers.end(),
                       [](const Walker &w) { return w.enteredMs.has_value(); });
}

quint16 LaneModel::inputs() const {
    quint16 bits = m_alarmInputs | m_forcedInputs;
    const auto set = [&bits](int bit) { bits |= quint16(1u << bit); };
    if (m_doorMs == 0)
        set(BarrierClosed);
    if (barrierOpen())
        set(BarrierOpen);
    for (const Walker &w : m_walkers) {
        if (m_lastTickMs < w.arriveMs)
            continue;
        set(Occupied);
        int zone = 0; // waiting at the near beam until the barrier lets them in
        if (w.enteredMs)
            zone = int(std::clamp<qint64>((m_lastTickMs - *w.enteredMs) * 3 / w.walkMs, 0, 2));
        set(w.entry ? EntryBeam + zone : ExitBeam - zone);
    }
    if (m_fire)
        set(FireInput);
    if (emergency())
        set(EmergencyInput);
    if (m_faultCode)
        set(OutOfServiceInput);
    return bits;
}

} // namespace gate::lanesim
