#pragma once

#include <QObject>

class QSocketNotifier;

namespace gate {

// SIGTERM (systemctl stop) and SIGINT (Ctrl-C) as a Qt signal on the thread
// that created this object, so that a stop ends the event loop and the gate
// shuts down as on any other exit: STOPPING=1 to systemd, devices and
// companion processes stopped, stores closed, the log shipper joined.
// Without it the default action kills the process on the spot.
//
// The handler only writes the signal number to a socket pair (the one thing
// a handler may safely do); the notifier reads it in the event loop. After
// the first signal the default action is back, so a second one still stops a
// shutdown that hangs. One instance per process.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gate
