#include "core/lane/laneservicecommand.h"

namespace gate {

QString serviceCommandRefusal(LaneServiceCommand command, bool emergencyLatched, bool linkUp,
                              bool fireAlarmActive) {
    const bool releasesOrKeepsEvacuation = command == LaneServiceCommand::EmergencyReset ||
                                           command == LaneServiceCommand::EmergencyOpen;
    if (emergencyLatched && !releasesOrKeepsEvacuation)
        return QStringLiteral("emergency");
    if (!linkUp)
        return QStringLiteral("link_down");
    if (fireAlarmActive && command == LaneServiceCommand::EmergencyReset)
        return QStringLiteral("fire_alarm_active");
    return {};
}

} // namespace gate
