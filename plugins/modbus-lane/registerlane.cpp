#include "registerlane.h"

#include <QLoggingCategory>
#include <QTimer>

#include <array>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcModbusLane)

namespace gate::modbuslane {

namespace {

// 100 ms units of the timing registers.
quint16 tenths(int ms) {
    return quint16(std::min(ms / 100, 65535));
}

} // namespace

RegisterLane::RegisterLane(const QString &deviceName, const hal::ModbusEndpoint &endpoint,
                           const LaneProfile &profile, bool supervise, QObject *parent)
    : PolledLane(deviceName, endpoint, profile, supervise, parent)
    // Only the master that writes the heartbeat knows what the echo should be.
    , m_echoWatch(supervise ? profile.heartbeatEchoStaleMs : 0) {}

hal::ModbusBus::Result RegisterLane::setUp() {
    const auto &p = profile();
    const std::array<std::pair<int, quint16>, 4> settings{{
        {p.holding.watchdogTime, tenths(p.watchdogTimeMs)},
        {p.holding.watchdogAction, quint16(p.watchdogAction)},
        {p.holding.passTimeout, tenths(p.passTimeoutMs)},
        {p.holding.closeDelay, tenths(p.closeDelayMs)},
    }};
    for (const auto &[address, value] : settings) {
        if (!supervises())
            break;
        if (auto written = bus().writeRegister(p.unit, address, value); !written)
            return written;
    }
    // CMD_SEQ must differ from what the lane last executed, or it would
    // ignore our first command.
    std::vector<quint16> block(size_t(p.inputBlockCount()));
    if (auto read =
            bus().readInputRegisters(p.unit, p.inputBlockStart(), int(block.size()), block.data());
        !read)
        return read;
    QString error;
    const auto decoded = decodeStatusBlock(p, block, &error);
    if (!decoded)
        return {hal::ModbusBus::Outcome::BadReply, error};
    m_lastSeq = decoded->status.acknowledgedSeq;
    if (!m_lastEventSeq)
        m_lastEventSeq = decoded->status.eventSeq;
    return {};
}

hal::ModbusBus::Result RegisterLane::poll() {
    const auto &p = profile();
    const bool feedWatchdog = supervises() && supervisorAlive();
    if (supervises() && feedWatchdog == m_heartbeatWithheld) {
        m_heartbeatWithheld = !feedWatchdog;
        if (m_heartbeatWithheld)
            qCCritical(lcModbusLane)
                << "the deciding side shows no progress: heartbeat withheld, the lane's "
                   "watchdog will trip";
        else
            qCInfo(lcModbusLane) << "the deciding side progresses again: heartbeat resumed";
    }
    if (feedWatchdog) {
        if (auto written = bus().writeRegister(p.unit, p.holding.heartbeat, ++m_heartbeat);
            !written)
            return written;
    }
    return readStatus(feedWatchdog);
}

hal::ModbusBus::Result RegisterLane::readStatus(bool afterHeartbeat) {
    const auto &p = profile();
    std::vector<quint16> block(size_t(p.inputBlockCount()));
    if (auto read =
            bus().readInputRegisters(p.unit, p.inputBlockStart(), int(block.size()), block.data());
        !read)
        return read;
    QString error;
    const auto decoded = decodeStatusBlock(p, block, &error);
    if (!decoded)
        return {hal::ModbusBus::Outcome::BadReply, error};
    if (afterHeartbeat) {
        m_echoWatch.observe(m_heartbeat, decoded->heartbeatEcho, hal::monotonicNowNs() / 1'000'000);
        setUnresponsive(m_echoWatch.stale()
                            ? QStringLiteral("lane controller not responding: heartbeat echo stale")
                            : QString());
    }
    handleStatus(*decoded);
    return {};
}

void RegisterLane::handleStatus(const LaneStatusBlock &block) {
    publishStatus(block.status);
    const quint16 seq = block.status.eventSeq;
    if (m_lastEventSeq && *m_lastEventSeq != seq) {
        const quint16 missed = missedEvents(*m_lastEventSeq, seq);
        if (block.event)
            emit laneEvent(quint16(*block.event), seq, missed);
        else
            qCWarning(lcModbusLane)
                << "lane event value" << block.rawEvent << "is not in the profile";
    }
    m_lastEventSeq = seq;
    if (m_inFlight && m_inFlight->written && block.status.acknowledgedSeq == m_inFlight->seq)
        finish(block.ackResult.value_or(hal::LaneCommandResult::Fault));
    holdOpenForFire();
}

// Acts on the newest status read, which a command finished just above may
// have moved on.
void RegisterLane::holdOpenForFire() {
    const hal::LaneStatus &status = lastStatus();
    if (!supervises() || !linkUp() || !fireInput() ||
        status.mode == hal::LaneStatus::Mode::Emergency)
        return;
    if (m_inFlight && m_inFlight->command.command == hal::LaneCommand::EmergencyOpen)
        return; // on its way; a refused or lost one is followed by a new one at the next poll
    qCWarning(lcModbusLane) << "fire-alarm input on, lane mode" << int(status.mode)
                            << ": ordering the emergency open";
    std::vector<quint64> refused;
    if (m_inFlight && !m_inFlight->command.ownSafetyCommand)
        refused.push_back(m_inFlight->command.token);
    for (const Command &queued : m_queue)
        if (!queued.ownSafetyCommand)
            refused.push_back(queued.token);
    m_queue.clear();
    m_inFlight.reset();
    const qint64 now = hal::monotonicNowNs();
    for (quint64 token : refused)
        emit commandDone(token, hal::LaneCommandResult::RefusedMode, now);
    m_queue.push_front({hal::LaneCommand::EmergencyOpen, 0, 0, true});
    sendNext();
}

void RegisterLane::issue(hal::LaneCommand command, quint16 passes, quint64 token) {
    // Evacuation goes before anything still waiting.
    if (command == hal::LaneCommand::EmergencyOpen)
        m_queue.push_front({command, passes, token});
    else
        m_queue.push_back({command, passes, token});
    if (!m_inFlight)
        sendNext();
}

void RegisterLane::sendNext() {
    if (m_queue.empty())
        return;
    m_inFlight = InFlight{m_queue.front(), quint16(m_lastSeq + 1u)};
    m_queue.pop_front();
    m_lastSeq = m_inFlight->seq;
    m_inFlight->since.start();
    chaseAcknowledgement();
}

hal::ModbusBus::Result RegisterLane::writeCommand(InFlight &inFlight) {
    const auto &p = profile();
    const int start = p.commandBlockStart();
    std::array<quint16, 3> words{};
    words[size_t(p.holding.cmdCode - start)] = p.commandValues[size_t(inFlight.command.command)];
    words[size_t(p.holding.cmdArg - start)] = inFlight.command.passes;
    words[size_t(p.holding.cmdSeq - start)] = inFlight.seq;
    auto result = bus().writeRegisters(p.unit, start, 3, words.data());
    inFlight.written = inFlight.written || bool(result);
    return result;
}

// Writes the command until the write went through, then reads the status
// block back to back until the lane echoes CMD_SEQ or the ack timeout ends.
void RegisterLane::chaseAcknowledgement() {
    m_chaseScheduled = false;
    if (!m_inFlight)
        return;
    if (m_inFlight->since.elapsed() > profile().ackTimeoutMs) {
        qCWarning(lcModbusLane) << "command" << int(m_inFlight->command.command) << "seq"
                                << m_inFlight->seq << "not acknowledged";
        finish(hal::LaneCommandResult::NotAcknowledged);
        return;
    }
    if (ready()) {
        if (m_inFlight->written || writeCommand(*m_inFlight))
            readStatus();
    }
    if (m_inFlight && !m_chaseScheduled) {
        m_chaseScheduled = true;
        QTimer::singleShot(1, Qt::PreciseTimer, this, &RegisterLane::chaseAcknowledgement);
    }
}

void RegisterLane::finish(hal::LaneCommandResult result) {
    const Command done = m_inFlight->command;
    m_inFlight.reset();
    if (!done.ownSafetyCommand)
        emit commandDone(done.token, result, hal::monotonicNowNs());
    else if (result != hal::LaneCommandResult::Ok)
        qCWarning(lcModbusLane) << "the lane did not take the emergency open, result" << int(result)
                                << "; ordering it again at the next poll";
    sendNext();
}

void RegisterLane::linkLost() {
    const qint64 now = hal::monotonicNowNs();
    std::vector<quint64> tokens;
    if (m_inFlight && !m_inFlight->command.ownSafetyCommand)
        tokens.push_back(m_inFlight->command.token);
    for (const auto &queued : m_queue)
        if (!queued.ownSafetyCommand)
            tokens.push_back(queued.token);
    m_inFlight.reset();
    m_queue.clear();
    for (quint64 token : tokens)
        emit commandDone(token, hal::LaneCommandResult::LinkDown, now);
}

} // namespace gate::modbuslane
