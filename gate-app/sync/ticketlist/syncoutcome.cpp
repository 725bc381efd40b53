#include "sync/ticketlist/syncoutcome.h"

namespace gate::sync {

QString toString(SyncOutcome outcome) {
    switch (outcome) {
    case SyncOutcome::Applied:
        return QStringLiteral("applied");
    case SyncOutcome::Refreshed:
        return QStringLiteral("refreshed");
    case SyncOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case SyncOutcome::BadSignature:
        return QStringLiteral("bad_signature");
    case SyncOutcome::WrongStation:
        return QStringLiteral("wrong_station");
    case SyncOutcome::Rollback:
        return QStringLiteral("rollback");
    case SyncOutcome::Replay:
        return QStringLiteral("replay");
    case SyncOutcome::UnsupportedFormat:
        return QStringLiteral("unsupported_format");
    case SyncOutcome::NotEnrolled:
        return QStringLiteral("not_enrolled");
    case SyncOutcome::BadSealedKeys:
        return QStringLiteral("bad_sealed_keys");
    case SyncOutcome::BadHash:
        return QStringLiteral("bad_hash");
    case SyncOutcome::BadSize:
        return QStringLiteral("bad_size");
    case SyncOutcome::ChainGap:
        return QStringLiteral("chain_gap");
    case SyncOutcome::Malformed:
        return QStringLiteral("malformed");
    case SyncOutcome::Unreachable:
        return QStringLiteral("unreachable");
    case SyncOutcome::Timeout:
        return QStringLiteral("timeout");
    }
    return QStringLiteral("unreachable");
}

} // namespace gate::sync
