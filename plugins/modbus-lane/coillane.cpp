#include "coillane.h"

#include <QLoggingCategory>
#include <QTimer>

#include <array>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcModbusLane)

namespace gate::modbuslane {

using hal::LaneCommand;
using hal::LaneCommandResult;
using hal::LaneInput;
using Result = hal::ModbusBus::Result;

void CoilLane::issue(LaneCommand command, quint16, quint64 token) {
    const auto &coils = profile().coils;
    Result result;
    switch (command) {
    case LaneCommand::OpenEntry:
        result = pulse(coils.openEntry);
        break;
    case LaneCommand::OpenExit:
        result = pulse(coils.openExit);
        break;
    case LaneCommand::Close:
        result = pulse(coils.close);
        break;
    case LaneCommand::FreeEntry:
    case LaneCommand::FreeExit:
    case LaneCommand::FreeBoth: // one free-passage level serves both directions
        result = setLevels(true, false, m_emergency);
        break;
    case LaneCommand::Lock:
        result = setLevels(false, true, m_emergency);
        break;
    case LaneCommand::Normal:
        result = setLevels(false, false, m_emergency);
        break;
    case LaneCommand::EmergencyOpen:
        result = setLevels(m_free, m_lock, true);
        break;
    case LaneCommand::EmergencyReset:
        result = setLevels(m_free, m_lock, false);
        break;
    case LaneCommand::AlarmReset:
        // A relay gate latches no alarm of its own: there is nothing to reset.
        break;
    }
    const LaneCommandResult answer = result ? LaneCommandResult::Ok
                                     : result.outcome == hal::ModbusBus::Outcome::Exception
                                         ? LaneCommandResult::Fault
                                         : LaneCommandResult::NotAcknowledged;
    emit commandDone(token, answer, hal::monotonicNowNs());
}

Result CoilLane::pulse(int coil) {
    if (auto opened = ready(); !opened)
        return opened;
    if (auto on = bus().writeCoil(profile().unit, coil, true); !on)
        return on;
    QTimer::singleShot(profile().pulseMs, Qt::PreciseTimer, this, [this, coil] {
        if (!ready() || !bus().writeCoil(profile().unit, coil, false))
            m_pulsesToRelease.append(coil); // the next poll tries again
    });
    return {};
}

Result CoilLane::setLevels(bool freePassage, bool lock, bool emergency) {
    const bool previous[] = {m_free, m_lock, m_emergency};
    m_free = freePassage;
    m_lock = lock;
    m_emergency = emergency;
    Result result = ready();
    if (result)
        result = writeLevels();
    if (!result) { // the module did not take it: remember what it really has
        m_free = previous[0];
        m_lock = previous[1];
        m_emergency = previous[2];
    }
    return result;
}

Result CoilLane::writeLevels() {
    const auto &coils = profile().coils;
    const std::array<std::pair<int, bool>, 3> levels{
        {{coils.freePassage, m_free}, {coils.lock, m_lock}, {coils.emergencyOpen, m_emergency}}};
    for (const auto &[coil, on] : levels)
        if (auto written = bus().writeCoil(profile().unit, coil, on); !written)
            return written;
    return {};
}

Result CoilLane::setUp() {
    if (!supervises())
        return readLevels();
    // An emergency open the module still holds was ordered before this
    // connection, perhaps by a gate that restarted since: only a reset ends it.
    quint8 emergencyOn = 0;
    if (auto read = bus().readCoils(profile().unit, profile().coils.emergencyOpen, 1, &emergencyOn);
        !read)
        return read;
    m_emergency = m_emergency || emergencyOn != 0;
    // An I/O module that restarted has all coils off; put the levels back
    // (an emergency open above all) and release any pulse left on.
    if (auto written = writeLevels(); !written)
        return written;
    const auto &coils = profile().coils;
    for (int coil : {coils.openEntry, coils.openExit, coils.close})
        if (auto released = bus().writeCoil(profile().unit, coil, false); !released)
            return released;
    m_pulsesToRelease.clear();
    return {};
}

// A second master takes the levels as the module has them.
Result CoilLane::readLevels() {
    const auto &coils = profile().coils;
    const std::array<std::pair<int, bool *>, 3> levels{
        {{coils.freePassage, &m_free}, {coils.lock, &m_lock}, {coils.emergencyOpen, &m_emergency}}};
    for (const auto &[coil, level] : levels) {
        quint8 on = 0;
        if (auto read = bus().readCoils(profile().unit, coil, 1, &on); !read)
            return read;
        *level = on != 0;
    }
    return {};
}

Result CoilLane::poll() {
    while (!m_pulsesToRelease.isEmpty()) {
        if (auto released = bus().writeCoil(profile().unit, m_pulsesToRelease.first(), false);
            !released)
            return released;
        m_pulsesToRelease.removeFirst();
    }
    quint16 inputs = 0;
    bool staffCall = false;
    if (profile().statusInputs) {
        // DI 0..15 and, in the same read, a staff call wired beyond them.
        std::vector<quint8> bits(size_t(profile().discreteInputCount()));
        if (auto read = bus().readDiscreteInputs(profile().unit, 0, int(bits.size()), bits.data());
            !read)
            return read;
        for (size_t bit = 0; bit < 16; ++bit)
            inputs |= quint16((bits[bit] ? 1u : 0u) << bit);
        staffCall = profile().staffCall && bits[size_t(profile().staffCall->address)];
    } else {
        // Without inputs, reading the coils back is what tells the link is alive.
        quint8 coil = 0;
        if (auto read = bus().readCoils(profile().unit, profile().coils.lock, 1, &coil); !read)
            return read;
    }
    if (auto held = holdOpenForFire(inputs); !held)
        return held;
    reportRisingAlarms(inputs);
    hal::LaneStatus status;
    status.linkUp = true;
    status.inputs = inputs;
    status.mode = modeFromLevels(inputs);
    status.eventSeq = m_eventSeq;
    status.staffCall = staffCall;
    publishStatus(status);
    return {};
}

// The coil level, written at every poll while the input is on: a module
// that lost it (a restart, another master) gets it back within one poll.
Result CoilLane::holdOpenForFire(quint16 inputs) {
    if (!supervises() || !((inputs >> int(LaneInput::FireAlarm)) & 1u))
        return {};
    if (!m_emergency)
        qCWarning(lcModbusLane) << "fire-alarm input on: emergency open coil"
                                << profile().coils.emergencyOpen << "on";
    m_emergency = true;
    return bus().writeCoil(profile().unit, profile().coils.emergencyOpen, true);
}

hal::LaneStatus::Mode CoilLane::modeFromLevels(quint16 inputs) const {
    using Mode = hal::LaneStatus::Mode;
    if (m_emergency)
        return Mode::Emergency;
    if ((inputs >> int(LaneInput::OutOfService)) & 1u)
        return Mode::OutOfService;
    if (m_lock)
        return Mode::Locked;
    if (m_free)
        return Mode::FreeBoth;
    return Mode::Controlled;
}

void CoilLane::reportRisingAlarms(quint16 inputs) {
    static constexpr std::pair<LaneInput, hal::LaneEvent> alarms[] = {
        {LaneInput::Tailgating, hal::LaneEvent::Tailgating},
        {LaneInput::Intrusion, hal::LaneEvent::Intrusion},
        {LaneInput::WrongWay, hal::LaneEvent::WrongWay},
        {LaneInput::PassageTimeout, hal::LaneEvent::PassTimedOut},
        {LaneInput::FireAlarm, hal::LaneEvent::FireAlarm},
        {LaneInput::OutOfService, hal::LaneEvent::Fault},
    };
    const quint16 rising = inputs & ~m_inputs;
    m_inputs = inputs;
    for (const auto &[input, event] : alarms)
        if ((rising >> int(input)) & 1u)
            emit laneEvent(quint16(event), ++m_eventSeq, 0);
}

} // namespace gate::modbuslane
