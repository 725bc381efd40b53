#pragma once

#include "hal/laneactuator.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace gate::modbuslane {

// How one lane product speaks Modbus: which register or coil means what, the
// values of its enumerations, its word order and its timing. A default-
// constructed profile is the default profile of spec/gate-modbus.md; a JSON
// file overrides any part of it (config/lanes/*.json, docs/lane.md).
struct LaneProfile {
    enum class Kind { Registers, Coils };
    enum class WordOrder { HighFirst, LowFirst };
    enum class WatchdogAction { Hold = 0, CloseLockEntry = 1, OpenBoth = 2 };

    // Holding registers the gate writes (PDU addresses).
    struct HoldingMap {
        int cmdCode = 0;
        int cmdArg = 1;
        int cmdSeq = 2;
        int heartbeat = 3;
        int watchdogTime = 4;
        int watchdogAction = 5;
        int passTimeout = 6;
        int closeDelay = 7;
        bool operator==(const HoldingMap &) const = default;
    };
    // Input registers the gate reads in one block per poll.
    struct InputMap {
        int inputs = 0;
        int mode = 1;
        int pendingEntry = 2;
        int pendingExit = 3;
        int passedEntry = 4; // two words
        int passedExit = 6;  // two words
        int lastEvent = 8;
        int eventSeq = 9;
        int faultCode = 10;
        int heartbeatEcho = 11;
        int firmware = 12;
        int ackSeq = 13;
        int ackResult = 14;
        bool operator==(const InputMap &) const = default;
    };
    // Coils of a relay-type gate behind a Modbus I/O module.
    struct CoilMap {
        int openEntry = 0;
        int openExit = 1;
        int close = 2;
        int freePassage = 3;
        int lock = 4;
        int emergencyOpen = 5;
        bool operator==(const CoilMap &) const = default;
    };

    // A staff-call button (docs/lane.md). DI 0..15 of the default table are
    // all taken, so it is a profile setting: on a register lane a bit of an
    // input register inside the one status block read per poll, on a coil
    // lane a discrete input from 16 on, read with DI 0..15.
    struct StaffCallInput {
        int address = 0; // the input register, or the discrete input of a coil profile
        int bit = 0;     // within the input register
        bool operator==(const StaffCallInput &) const = default;
    };

    Kind kind = Kind::Registers;
    int unit = 1;
    int pollPeriodMs = 100;
    // While a pass is authorised or someone is in the lane: the passage's end
    // is seen within this, so that the next passenger's open command is not
    // held back by the idle poll period.
    int passagePollPeriodMs = 20;
    int responseTimeoutMs = 100;
    int byteTimeoutMs = 20;
    int ackTimeoutMs = 1000;
    int reconnectMaxMs = 5000;
    WordOrder wordOrder = WordOrder::HighFirst;
    int watchdogTimeMs = 1000; // 0 = off; a multiple of 100
    WatchdogAction watchdogAction = WatchdogAction::CloseLockEntry;
    int passTimeoutMs = 5000;
    int closeDelayMs = 500;
    // A heartbeat echo that has not followed the heartbeat for this long marks
    // the lane's application as hung; 0 = no check.
    int heartbeatEchoStaleMs = 1000;
    HoldingMap holding;
    InputMap input;
    // Wire values, indexed by the hal enumerations' values.
    std::array<quint16, 12> commandValues{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}; // by LaneCommand
    std::array<quint16, 7> modeValues{0, 1, 2, 3, 4, 5, 6};        // by LaneStatus::Mode
    std::array<quint16, 9> eventValues{0, 1, 2, 3, 4, 5, 6, 7, 8}; // by LaneEvent
    std::array<quint16, 4> resultValues{0, 1, 2, 3}; // ok, refused mode, occupied, fault
    // Coil profile
    CoilMap coils;
    int pulseMs = 300;
    bool statusInputs = true;                // the I/O module has discrete inputs 0..15
    std::optional<StaffCallInput> staffCall; // none in the default profile
    bool wide = false;                       // wheelchairs, prams, large luggage; staff nearby

    bool operator==(const LaneProfile &) const = default;

    // First input register of the status block and its length.
    int inputBlockStart() const;
    int inputBlockCount() const;
    // First holding register of the CMD_CODE/CMD_ARG/CMD_SEQ triple.
    int commandBlockStart() const;
    // The staff call is a bit of an input register (a register profile with one).
    bool staffCallRegister() const;
    // Discrete inputs a coil lane reads per poll: 0..15, and up to its staff call.
    int discreteInputCount() const;
    // What the lane controller needs to know of this lane.
    hal::LaneTraits traits() const;

    // nullopt and a message "FILE:LINE: dotted.key: problem" naming the
    // offending key and its line in the text (of `file`).
    static std::optional<LaneProfile> fromJson(const QByteArray &json, QString *error,
                                               const QString &file = QStringLiteral("profile"));
    static std::optional<LaneProfile> fromFile(const QString &path, QString *error);
};

} // namespace gate::modbuslane
