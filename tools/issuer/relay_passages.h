#pragma once

#include "core/tickets/ticketrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace gate::issuer {

// A gate's audit record as the station's collector files it: the message
// body, one JSON object per line (docs/operations.md, "Collector example").
struct CollectedRecord {
    QString gate;
    qint64 seq = 0;
    QString type; // "passage", "decision", ...
    qint64 at = 0;
    QJsonObject fields;
};

// Parses one collector line; nullopt (with the reason) for anything that is
// not a gate record.
std::optional<CollectedRecord> parseCollectedRecord(QByteArrayView line, QString *error);

// The `used` records a passage record stands for: one per ticket (a party's
// `tids`, else `tid`), in the direction the lane passed ("entry" → "in",
// "exit" → "out"), at the passage's time, from its gate. A passage whose
// pass was not taken counts too: the gate that admitted it keeps the ticket
// used, and so must every other gate. Empty for a passage without a ticket
// (a staff opening); nullopt with the reason for a record that names no
// direction.
std::optional<QList<tickets::UsedRecord>> usedRecordsOf(const CollectedRecord &passage,
                                                        QString *error);

// Which records of each gate the relay has already turned into `used`
// records. A collector receives a gate's records in seq order and a repeat
// (after a reconnect) only with a seq it has seen, so the newest seq per
// gate is enough to drop repeats.
class SeenRecords {
public:
    // True the first time a (gate, seq) newer than the gate's last is offered.
    bool admit(const QString &gate, qint64 seq);
    const std::map<QString, qint64> &lastSeqs() const { return m_lastSeq; }
    void setLastSeq(const QString &gate, qint64 seq) { m_lastSeq[gate] = seq; }

private:
    std::map<QString, qint64> m_lastSeq;
};

} // namespace gate::issuer
