#include "core/lane/laneservicecommand.h"
#include "core/lane/lanestate.h"

namespace gate {

QString toString(LaneState state) {
    switch (state) {
    case LaneState::Starting:
        return QStringLiteral("starting");
    case LaneState::Idle:
        return QStringLiteral("idle");
    case LaneState::Authorised:
        return QStringLiteral("authorised");
    case LaneState::Open:
        return QStringLiteral("open");
    case LaneState::PassageSeen:
        return QStringLiteral("passage_seen");
    case LaneState::FreePassage:
        return QStringLiteral("free_passage");
    case LaneState::Locked:
        return QStringLiteral("locked");
    case LaneState::Evacuation:
        return QStringLiteral("evacuation");
    case LaneState::OutOfService:
        return QStringLiteral("out_of_service");
    }
    return QStringLiteral("unknown");
}

QString toString(LaneServiceCommand command) {
    switch (command) {
    case LaneServiceCommand::OpenOnceEntry:
        return QStringLiteral("open_once_entry");
    case LaneServiceCommand::OpenOnceExit:
        return QStringLiteral("open_once_exit");
    case LaneServiceCommand::FreeEntry:
        return QStringLiteral("free_entry");
    case LaneServiceCommand::FreeExit:
        return QStringLiteral("free_exit");
    case LaneServiceCommand::FreePassage:
        return QStringLiteral("free_passage");
    case LaneServiceCommand::Lock:
        return QStringLiteral("lock");
    case LaneServiceCommand::Normal:
        return QStringLiteral("normal");
    case LaneServiceCommand::EmergencyOpen:
        return QStringLiteral("emergency_open");
    case LaneServiceCommand::EmergencyReset:
        return QStringLiteral("emergency_reset");
    case LaneServiceCommand::AlarmReset:
        return QStringLiteral("alarm_reset");
    }
    return QStringLiteral("unknown");
}

std::optional<LaneServiceCommand> laneServiceCommandFromString(const QString &name) {
    for (int value = 0; value <= int(LaneServiceCommand::AlarmReset); ++value) {
        if (toString(LaneServiceCommand(value)) == name)
            return LaneServiceCommand(value);
    }
    return std::nullopt;
}

} // namespace gate
