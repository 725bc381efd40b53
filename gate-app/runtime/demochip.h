#pragma once

#include "privatepcscd.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace gate {

// The demo's chip passenger lays a passport with a chip on the glass: where
// this machine has pcscd, the vpcd virtual reader driver and an ePassport
// chip emulator (GATE_DEMO_CHIP_EMULATOR, a program taking `FOLDER --port N`
// that serves the chip files in FOLDER on vpcd), a private pcscd with the
// emulator serving the chip that `gate-issuer demo-station` made for that
// passenger, and the emrtd-reader device that reads it.
class DemoChip {
public:
    DemoChip();
    ~DemoChip();

    // Serves `chipFiles`, with its pcscd's files in `folder`. Empty when the
    // chip is on the reader, else why the demo runs without one.
    QString serve(const QString &chipFiles, const QString &folder);
    // The configuration's device that reads the chip, trusting `cscaFolder`.
    static QJsonObject readerDevice(const QString &cscaFolder);

private:
    PrivatePcscd m_pcscd;
    QProcess m_emulator;
};

} // namespace gate
