#pragma once

#include "passengers.h"

#include <QJsonObject>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace gate::lanesim {

struct LaneTiming {
    int doorTravelMs = 400; // closed to fully open
    int walkDelayMs = 200;  // from authorisation to the passenger reaching the lane
    int walkMs = 600;       // through the three beam zones
    int turnBackMs = 300;   // an intruder at a closed barrier gives up
};

// The lane behind the default Modbus profile (spec/gate-modbus.md): barrier
// travel, beams, passes, modes, the watchdog, counters, events and command
// results, plus the coils of the relay profile. It sees only register images
// and the time; the server and the control channel drive it.
class LaneModel {
public:
    static constexpr int holdingCount = 8;
    // IR 0..14 of the spec, and IR 15 bit 0 for the staff call of the wide
    // lane's profile (config/lanes/wide.json).
    static constexpr int inputRegisterCount = 16;
    static constexpr int staffCallRegister = 15;
    // DI 0..15 of the spec, and DI 16 for the staff call of a coil profile
    // whose I/O module has more inputs.
    static constexpr int statusInputCount = 16;
    static constexpr int discreteCount = 17;
    static constexpr int staffCallInput = 16;
    static constexpr int coilCount = 6;
    using Output = std::function<void(const QJsonObject &)>;

    // `fireRelease`: the lane opens by itself on its fire-alarm input, as a
    // lane with a hardware fire release does; without it only the gate's
    // emergency open (command or coil) opens it.
    LaneModel(const LaneTiming &timing, PassengerModel passengers, Output output,
              bool fireRelease = true);

    // The holding registers as the lane starts (its default timings).
    void fillHolding(quint16 *holding) const;
    // The images a request reads.
    void fillInputs(quint16 *inputRegisters, quint8 *discreteInputs) const;
    // The images after a request may have written them.
    void applyWrites(const quint16 *holding, const quint8 *coils, qint64 nowMs);
    void tick(qint64 nowMs);

    // Fault injection and people from the control channel.
    void setFire(bool on, qint64 nowMs);
    void setFault(quint16 code, qint64 nowMs);
    void forceInput(int bit, bool on);
    void walkUnauthorised(bool entry, qint64 nowMs);
    // Someone holds the staff-call button (a wide lane's) pressed, or let go.
    void setStaffCall(bool pressed);
    // The lane's application hangs (or runs again) while its Modbus slave
    // keeps answering: writes are no longer taken in, nothing moves,
    // and the status block (heartbeat echo included) stays as it was.
    void setHung(bool hung, qint64 nowMs);
    void setPassengers(PassengerModel passengers) { m_passengers = std::move(passengers); }
    void setFirmware(quint16 firmware) { m_firmware = firmware; }

private:
    enum class WalkerKind { Authorised, Tailgater, WrongWay, Intruder };
    struct Walker {
        WalkerKind kind;
        bool entry; // walking in the entry direction
        qint64 arriveMs;
        qint64 walkMs; // through the lane, at this walker's pace
        std::optional<qint64> enteredMs;
        bool alarmed = false;
    };

    void execute(quint16 code, quint16 arg, quint16 seq, qint64 nowMs);
    quint16 executeCode(quint16 code, quint16 arg, qint64 nowMs);
    quint16 authorise(bool entry, quint16 passes, qint64 nowMs);
    void applyCoilEdges(const quint8 *coils, qint64 nowMs);
    void checkWatchdog(qint64 nowMs);
    void moveWalkers(qint64 nowMs);
    void moveDoor(qint64 nowMs);
    void expirePasses(qint64 nowMs);
    void event(quint16 code);
    void setMode(quint16 mode);
    bool emergency() const { return m_mode == 5; }
    bool freeFor(bool entry) const;
    bool barrierOpen() const { return m_doorMs >= m_timing.doorTravelMs; }
    bool anyoneInLane() const;
    quint16 inputs() const;

    LaneTiming m_timing;
    PassengerModel m_passengers;
    Output m_output;
    std::array<quint16, holdingCount> m_holding{};
    std::array<quint8, coilCount> m_coils{};
    quint16 m_mode = 0;
    bool m_watchdogTripped = false;
    std::optional<quint16> m_modeBeforeWatchdog;
    bool m_emergencyLatched = false;
    bool m_fire = false;
    bool m_fireRelease = true;
    bool m_hung = false;
    bool m_staffCall = false;
    quint16 m_faultCode = 0;
    quint16 m_forcedInputs = 0;
    quint16 m_alarmInputs = 0; // latched until an alarm reset
    quint16 m_pendingEntry = 0;
    quint16 m_pendingExit = 0;
    qint64 m_passDeadlineMs = 0;
    quint32 m_passedEntry = 0;
    quint32 m_passedExit = 0;
    quint16 m_lastEvent = 0;
    quint16 m_eventSeq = 0;
    quint16 m_executedSeq = 0;
    quint16 m_result = 0;
    quint16 m_firmware = 0x0100;
    qint64 m_heartbeatChangedMs = 0;
    int m_doorMs = 0; // 0 closed .. doorTravelMs fully open
    qint64 m_lastTickMs = 0;
    qint64 m_wantedOpenUntilMs = 0;
    std::vector<Walker> m_walkers;
};

} // namespace gate::lanesim
