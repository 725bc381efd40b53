#pragma once

#include "emrtd/chipcheck.h"
#include "emrtd/pcsc/pcscchannel.h"
#include "runtime/privatepcscd.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// In a Qt Test slot: skip where the stack's peers are missing on a developer's
// machine; fail in CI (CI=true), where they must be installed.
#define REQUIRE_PEER(why)                                                                          \
    do {                                                                                           \
        const QString missing = (why);                                                             \
        if (!missing.isEmpty()) {                                                                  \
            if (qgetenv("CI") == "true")                                                           \
                QFAIL(qPrintable(missing));                                                        \
            QSKIP(qPrintable(missing));                                                            \
        }                                                                                          \
    } while (false)

namespace test {

// The program that serves a chip: shared/tools/emrtd-chip alone (BAC, secure
// messaging, files), or with `ownProtocols` tests/emrtd/chip_with_aa.py around
// it, which adds PACE (where the folder has card_access), Active and Chip
// Authentication and a link throttle; `options` are that program's (--aa-key,
// --ca-key, --rsa-hash, --answer, --pace-answer, --no-bac, --link-kbps).
struct ChipEmulator {
    bool ownProtocols = false;
    QStringList options;
};

// A real PC/SC stack for one test process: a pcscd of its own
// (gate::PrivatePcscd, the demo's too: its fixed socket path is a folder of
// the test's, so parallel tests never meet), the vsmartcard vpcd reader driver
// on a free port, and shared/tools/emrtd-chip serving a
// passport's files on it. PCSCLITE_CSOCK_NAME points this process (and the
// children it starts with environment()) at that pcscd.
class ChipStack {
public:
    ChipStack();
    ~ChipStack();

    // Why the stack cannot run here (a missing package, no namespaces), or empty.
    static QString missingPeer();

    bool start(QString *error);

    // Serves the chip files in `folder` (com, sod, dg1 ...) and waits until
    // pcscd sees the card.
    bool insert(const QString &folder, QString *error, const ChipEmulator &emulator = {});
    // Kills the emulator: the card leaves the field the way a passport lifted
    // off the glass does, without a goodbye.
    void remove();
    bool chipPresent() const;

    QString socketPath() const;
    QProcessEnvironment environment() const;
    // The folder for a test's own files.
    QString workDir() const { return dir_.path(); }

    // Makes a passport with tests/emrtd/make_passport.py into workDir()/NAME;
    // `options` are that script's options beyond OUT, --mrz, --face and --pki.
    bool makePassport(const QString &name, const QStringList &mrz, const QStringList &options,
                      QString *error);
    QString passportDir(const QString &name) const;

    // Makes passport NAME with `makeOptions`, serves it with `emulator`, and
    // reads and checks it through PC/SC with `candidates` and the CSCAs of
    // its folder `cscaFolder`. A default report (reader_error) and a warning
    // when the stack fails.
    gate::emrtd::ChipReport readPassport(const QString &name, const QStringList &mrz,
                                         const QStringList &makeOptions,
                                         const std::vector<std::vector<std::string>> &candidates,
                                         const QString &cscaFolder = QStringLiteral("csca"),
                                         gate::emrtd::PcscChannel::ExtendedLength extended =
                                             gate::emrtd::PcscChannel::ExtendedLength::Auto,
                                         const ChipEmulator &emulator = {});

    static QString python();

private:
    QTemporaryDir dir_;
    gate::PrivatePcscd pcscd_;
    std::unique_ptr<QProcess> chip_;
};

} // namespace test
