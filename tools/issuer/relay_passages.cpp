#include "relay_passages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gate::issuer {

std::optional<CollectedRecord> parseCollectedRecord(QByteArrayView line, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    CollectedRecord record;
    record.gate = object.value(QLatin1String("gate")).toString();
    record.seq = object.value(QLatin1String("seq")).toInteger(-1);
    record.type = object.value(QLatin1String("type")).toString();
    record.at = object.value(QLatin1String("at")).toInteger(-1);
    record.fields = object.value(QLatin1String("fields")).toObject();
    if (record.gate.isEmpty() || record.seq < 1 || record.type.isEmpty() || record.at < 0) {
        *error = QStringLiteral("not a gate record (gate, seq, type and at are required)");
        return std::nullopt;
    }
    return record;
}

std::optional<QList<tickets::UsedRecord>> usedRecordsOf(const CollectedRecord &passage,
                                                        QString *error) {
    QStringList tids;
    for (const QJsonValue &tid : passage.fields.value(QLatin1String("tids")).toArray())
        tids << tid.toString();
    if (tids.isEmpty())
        tids << passage.fields.value(QLatin1String("tid")).toString();
    tids.removeAll(QString());
    if (tids.isEmpty())
        return QList<tickets::UsedRecord>{};

    const QString direction = passage.fields.value(QLatin1String("direction")).toString();
    QString dir;
    if (direction == QLatin1String("entry"))
        dir = QStringLiteral("in");
    else if (direction == QLatin1String("exit"))
        dir = QStringLiteral("out");
    else {
        *error = QStringLiteral("passage %1 of gate %2 names no direction")
                     .arg(passage.seq)
                     .arg(passage.gate);
        return std::nullopt;
    }
    QList<tickets::UsedRecord> used;
    for (const QString &tid : std::as_const(tids))
        used << tickets::UsedRecord{tid, dir, passage.at, passage.gate};
    return used;
}

bool SeenRecords::admit(const QString &gate, qint64 seq) {
    const auto last = m_lastSeq.find(gate);
    if (last != m_lastSeq.end() && seq <= last->second)
        return false;
    m_lastSeq[gate] = seq;
    return true;
}

} // namespace gate::issuer
