#pragma once

#include "core/audit/auditstore.h"

#include <vector>

namespace gate::bench {

// Appends `count` synthetic passage records (each with its ticket use) to an
// audit outbox, as a gate that could not reach its collector holds them.
// `appendMs`, when given, receives the time of each append. False, with the
// reason on stderr, when an append fails.
bool fillAuditBacklog(AuditStore &store, int count, std::vector<double> *appendMs = nullptr);

} // namespace gate::bench
