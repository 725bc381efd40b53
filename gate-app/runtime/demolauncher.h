#pragma once

#include "companionprocess.h"
#include "core/config/gateconfig.h"
#include "demochip.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace gate {

// The embedded default: a demo station generated around the current time by
// gate-issuer, its ticket list applied through the real sync code
// (`gatectl tickets sync`), the lane simulator as a real Modbus TCP server on
// 127.0.0.1, the chip passenger's passport chip where the machine can emulate
// one (DemoChip), and the gate configured on them from the embedded template.
class DemoLauncher {
public:
    DemoLauncher();
    ~DemoLauncher();

    // `stateDir` empty: a new temporary folder, removed at exit.
    std::optional<GateConfig> prepare(const QString &stateDir, QStringList *errors);
    int passengerCount() const { return m_passengerCount; }
    static QString demoPin() { return QStringLiteral("246813"); }
    // Empty when the chip passenger's chip is on an (emulated) reader; else
    // why not, and that passenger is decided by the passport's page alone.
    QString chipAbsence() const { return m_chipAbsence; }

private:
    std::unique_ptr<QTemporaryDir> m_temporary;
    CompanionProcess m_laneSimulator;
    std::unique_ptr<DemoChip> m_chip;
    QString m_chipAbsence;
    int m_passengerCount = 0;
};

} // namespace gate
