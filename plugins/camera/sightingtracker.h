#pragma once

#include <QHash>
#include <QString>

namespace gate::camera {

// Decides which codes in view are news: a code is reported the first time it
// is seen, not again while it stays in view (a frame or two without it, from
// blur or a hand, does not count as leaving), and again once it has been out
// of view for longer than `forgetNs`.
class SightingTracker {
public:
    explicit SightingTracker(qint64 forgetNs)
        : m_forgetNs(forgetNs) {}

    // Records that `key` was seen at `nowNs`; true when it should be reported.
    bool sighted(const QString &key, qint64 nowNs);
    // Forgets codes not seen for longer than the window (call once per frame).
    void expire(qint64 nowNs);

private:
    qint64 m_forgetNs;
    QHash<QString, qint64> m_lastSeenNs;
};

} // namespace gate::camera
