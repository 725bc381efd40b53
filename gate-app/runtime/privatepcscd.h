#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace gate {

// A pcscd of one process's own, with the vsmartcard vpcd virtual reader
// listening on a free TCP port of 127.0.0.1 for a chip emulator to attach to.
// pcscd 1.9 always listens on /run/pcscd/pcscd.comm, so it runs in a private
// mount namespace (`unshare --mount`, which needs root) where /run/pcscd is
// a folder of ours; its clients find it through PCSCLITE_CSOCK_NAME, which
// start() sets for this process and its children.
class PrivatePcscd {
public:
    PrivatePcscd();
    ~PrivatePcscd();

    // Why it cannot run on this machine (a missing package), or empty.
    static QString missingPeer();

    // Starts it with its files in `folder`; false with `error` set when it
    // did not come up.
    bool start(const QString &folder, QString *error);
    void stop();

    quint16 vpcdPort() const { return m_port; }
    QString socketPath() const { return m_socket; }

private:
    std::unique_ptr<QProcess> m_pcscd;
    quint16 m_port = 0;
    QString m_socket;
};

} // namespace gate
