#pragma once

#include "hal/progressmark.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QThread;

namespace gate {

// The threads the gate's promises depend on (GUI, deciding, every device)
// and whether each has shown progress lately. Each watched thread runs a
// ticker, a timer in its own event loop that marks the thread's ProgressMark
// every tick: a thread stuck in a call (a database lock, a driver, an endless
// loop) stops marking. The systemd watchdog is fed, and the lane's heartbeat
// written, only while the marks they depend on are fresh (docs/operations.md).
class ThreadLiveness : public QObject {
    Q_OBJECT
public:
    explicit ThreadLiveness(int tickMs, QObject *parent = nullptr);
    ~ThreadLiveness() override;

    // Starts marking from `thread`'s event loop (the thread may start later)
    // and returns the mark, for whoever else must vouch for that thread.
    std::shared_ptr<const hal::ProgressMark> watch(const QString &name, QThread *thread);
    // The watched threads whose last mark is older than `periodMs`, by name.
    QStringList staleWithin(int periodMs) const;

private:
    struct Watched {
        QString name;
        std::shared_ptr<hal::ProgressMark> mark;
    };
    int m_tickMs;
    QList<Watched> m_watched;
};

} // namespace gate
