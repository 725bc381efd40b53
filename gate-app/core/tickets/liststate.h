#pragma once

#include "core/tickets/manifest.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace gate::tickets {

// What the store holds about the list it was last brought to.
struct ListState {
    QString station;
    qint64 seq = 0; // 0: nothing applied yet
    qint64 generated = 0;
    qint64 expires = 0;
    // Opened from the gate's sealed box; only the decision reads them.
    KeyEntry listKey;
    QList<KeyEntry> bindKeys;
    QByteArray keysJson;       // the e-ticket trust list, exact bytes
    QByteArray etag;           // of manifest.json, for If-None-Match
    QByteArray manifestSha256; // of the applied manifest.json: tells a replay from the same list

    bool isEmpty() const { return seq == 0; }
    std::optional<QByteArray> bindKey(quint32 id) const {
        for (const KeyEntry &entry : bindKeys) {
            if (entry.id == id)
                return entry.key;
        }
        return std::nullopt;
    }
};

} // namespace gate::tickets
