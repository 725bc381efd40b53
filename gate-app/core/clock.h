#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace gate {

// Wall-clock time for every time rule (check-in windows, expiry, staleness).
// Injected so that tests can set it; monotonic latency stamps use
// QElapsedTimer instead and never go through here.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowSecs() const = 0; // Unix seconds, UTC
    QDateTime now() const { return QDateTime::fromSecsSinceEpoch(nowSecs(), Qt::UTC); }
};

class SystemClock final : public Clock {
public:
    qint64 nowSecs() const override { return QDateTime::currentSecsSinceEpoch(); }
};

// A clock that stands still until told otherwise.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 secs = 0)
        : m_secs(secs) {}
    qint64 nowSecs() const override { return m_secs; }
    void set(qint64 secs) { m_secs = secs; }
    void advance(qint64 secs) { m_secs += secs; }

private:
    qint64 m_secs;
};

} // namespace gate
