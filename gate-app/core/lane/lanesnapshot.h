#pragma once

#include "core/lane/lanestate.h"

#include "hal/laneactuator.h"

#include <QString>

namespace gate {

// What the service screen shows about a lane.
struct LaneSnapshot {
    struct Counters {
        quint64 authorised = 0;
        quint64 opened = 0;
        quint64 passed = 0;
        quint64 timedOut = 0;
        quint64 refused = 0;
        quint64 aborted = 0;
        quint64 alarms = 0;
        quint64 missedEvents = 0;
    };

    LaneState state = LaneState::Starting;
    bool available = false;
    QString reason; // availability reason code, empty when available
    bool emergencyLatched = false;
    quint64 currentPassage = 0; // 0: none
    QString lastAlarm;
    hal::LaneStatus status;
    Counters counters;
};

} // namespace gate
