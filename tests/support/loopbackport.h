#pragma once

#include <QtGlobal>

namespace gate::test {

// A free TCP port on 127.0.0.1, as far as can be known without keeping it:
// for the servers a fixture starts (rsyslog, nginx, lane simulators).
quint16 freeLoopbackPort();

} // namespace gate::test
