#include "lanestatusblock.h"

#include <algorithm>

namespace gate::modbuslane {

namespace {

template <size_t N> std::optional<int> indexOf(const std::array<quint16, N> &values, quint16 v) {
    const auto found = std::find(values.begin(), values.end(), v);
    if (found == values.end())
        return std::nullopt;
    return int(found - values.begin());
}

} // namespace

quint16 missedEvents(quint16 previousSeq, quint16 currentSeq) {
    return quint16(quint16(currentSeq - previousSeq) - 1u);
}

std::optional<LaneStatusBlock> decodeStatusBlock(const LaneProfile &profile,
                                                 std::span<const quint16> block, QString *error) {
    if (block.size() < size_t(profile.inputBlockCount())) {
        if (error)
            *error = QStringLiteral("status block has %1 registers, the profile needs %2")
                         .arg(block.size())
                         .arg(profile.inputBlockCount());
        return std::nullopt;
    }
    const int start = profile.inputBlockStart();
    const auto word = [&](int address) { return block[size_t(address - start)]; };
    const auto dword = [&](int address) {
        const quint32 first = word(address);
        const quint32 second = word(address + 1);
        return profile.wordOrder == LaneProfile::WordOrder::HighFirst ? first << 16 | second
                                                                      : second << 16 | first;
    };
    const auto &in = profile.input;
    const auto mode = indexOf(profile.modeValues, word(in.mode));
    if (!mode) {
        if (error)
            *error = QStringLiteral("lane reports mode value %1, which the profile does not name")
                         .arg(word(in.mode));
        return std::nullopt;
    }
    LaneStatusBlock decoded;
    hal::LaneStatus &s = decoded.status;
    s.linkUp = true;
    s.inputs = word(in.inputs);
    s.mode = hal::LaneStatus::Mode(*mode);
    s.pendingEntry = word(in.pendingEntry);
    s.pendingExit = word(in.pendingExit);
    s.passedEntry = dword(in.passedEntry);
    s.passedExit = dword(in.passedExit);
    decoded.rawEvent = word(in.lastEvent);
    if (const auto event = indexOf(profile.eventValues, decoded.rawEvent))
        decoded.event = hal::LaneEvent(*event);
    s.lastEvent = quint16(decoded.event.value_or(hal::LaneEvent::None));
    s.eventSeq = word(in.eventSeq);
    s.faultCode = word(in.faultCode);
    s.firmware = word(in.firmware);
    decoded.heartbeatEcho = word(in.heartbeatEcho);
    if (profile.staffCallRegister())
        s.staffCall = (word(profile.staffCall->address) >> profile.staffCall->bit) & 1u;
    s.acknowledgedSeq = word(in.ackSeq);
    static constexpr hal::LaneCommandResult results[] = {
        hal::LaneCommandResult::Ok, hal::LaneCommandResult::RefusedMode,
        hal::LaneCommandResult::RefusedOccupied, hal::LaneCommandResult::Fault};
    if (const auto result = indexOf(profile.resultValues, word(in.ackResult)))
        decoded.ackResult = results[*result];
    return decoded;
}

} // namespace gate::modbuslane
