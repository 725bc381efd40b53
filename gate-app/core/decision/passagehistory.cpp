#include "core/decision/passagehistory.h"

namespace gate {

PassageHistory::~PassageHistory() = default;

} // namespace gate
