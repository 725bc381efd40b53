#pragma once

#include "core/decision/lanecontext.h"

#include <QString>

#include <optional>

namespace gate {

// Passages recorded by THIS gate, which the ticket list does not carry yet
// (the list's "used" records cover the station's other gates). The audit
// database implements it.
class PassageHistory {
public:
    virtual ~PassageHistory();
    // When `tid` last passed this gate in `direction`, in Unix seconds.
    virtual std::optional<qint64> localUseAt(const QString &tid,
                                             LaneContext::Direction direction) const = 0;
};

} // namespace gate
