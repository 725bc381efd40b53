#include "sightingtracker.h"

namespace gate::camera {

bool SightingTracker::sighted(const QString &key, qint64 nowNs) {
    const auto found = m_lastSeenNs.find(key);
    const bool news = found == m_lastSeenNs.end() || nowNs - found.value() > m_forgetNs;
    m_lastSeenNs.insert(key, nowNs);
    return news;
}

void SightingTracker::expire(qint64 nowNs) {
    m_lastSeenNs.removeIf([&](const auto &entry) { return nowNs - entry.value() > m_forgetNs; });
}

} // namespace gate::camera
