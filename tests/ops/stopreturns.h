#pragma once

#include "sync/logship/logshipper.h"

#include <QTest>

#include <atomic>
#include <thread>

namespace gate::test {

// Runs stop() and waits generously for it to return: a stop() that hangs ends
// the run with a clear message rather than a test timeout. No duration is asserted.
inline void stopReturns(LogShipper &shipper) {
    std::atomic_bool returned = false;
    std::thread stopper([&] {
        shipper.stop();
        returned = true;
    });
    if (!QTest::qWaitFor([&] { return returned.load(); }, 60'000))
        qFatal("LogShipper::stop() did not return");
    stopper.join();
}

} // namespace gate::test
