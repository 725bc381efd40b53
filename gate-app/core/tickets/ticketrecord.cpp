#include "core/tickets/ticketrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace gate::tickets {

namespace {

// Unix seconds as JSON numbers: integral and within a sane range
// (1970..2100), so that doubles carry them exactly.
constexpr double maxUnixSecs = 4102444800.0;

class FieldReader {
public:
    FieldReader(const QJsonObject &object, QString *error)
        : m_object(object)
        , m_error(error) {}

    bool ok() const { return m_ok; }

    QString text(const char *name, int minLength, int maxLength) {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (!value.isString())
            return fail(name, "missing or not a string"), QString();
        const QString text = value.toString();
        if (text.size() < minLength || text.size() > maxLength)
            return fail(name, "bad length"), QString();
        return text;
    }

    QString optionalText(const char *name, int maxLength) {
        if (!m_object.contains(QLatin1String(name)))
            return {};
        return text(name, 0, maxLength);
    }

    QString code(const char *name, int minLength, int maxLength, bool digitsAllowed) {
        QString value = text(name, minLength, maxLength);
        for (const QChar c : value) {
            if (!((c >= u'A' && c <= u'Z') || (digitsAllowed && c >= u'0' && c <= u'9')))
                return fail(name, "bad character"), QString();
        }
        return value;
    }

    QString oneOf(const char *name, std::initializer_list<const char *> allowed) {
        const QString value = text(name, 1, 24);
        for (const char *candidate : allowed) {
            if (value == QLatin1String(candidate))
                return value;
        }
        return fail(name, "unknown value"), QString();
    }

    qint64 unixSecs(const char *name) {
        const QJsonValue value = m_object.value(QLatin1String(name));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > maxUnixSecs || number != std::floor(number))
            return fail(name, "missing or not a time"), 0;
        return qint64(number);
    }

    std::optional<quint32> optionalCount(const char *name, quint32 max) {
        if (!m_object.contains(QLatin1String(name)))
            return std::nullopt;
        const QJsonValue value = m_object.value(QLatin1String(name));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > max || number != std::floor(number))
            return fail(name, "not a small unsigned integer"), std::nullopt;
        return quint32(number);
    }

    std::optional<qint64> optionalUnixSecs(const char *name) {
        if (!m_object.contains(QLatin1String(name)))
            return std::nullopt;
        return unixSecs(name);
    }

    QString holderKey(const char *name) {
        const QString value = text(name, 22, 22);
        for (const QChar c : value) {
            const bool base64url = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                                   (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
            if (!base64url)
                return fail(name, "not base64url"), QString();
        }
        return value;
    }

    QStringList gates(const char *name) {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (!value.isArray() || value.toArray().size() > maxTrainGates)
            return fail(name, "missing, not an array or too long"), QStringList();
        QStringList gates;
        for (const QJsonValue &gate : value.toArray()) {
            const QString id = gate.toString();
            if (!gate.isString() || id.isEmpty() || id.size() > 8 || id.contains(u','))
                return fail(name, "bad gate id"), QStringList();
            gates << id;
        }
        return gates;
    }

private:
    void fail(const char *name, const char *what) {
        if (m_ok && m_error)
            *m_error = QStringLiteral("field %1: %2").arg(QLatin1String(name), QLatin1String(what));
        m_ok = false;
    }

    const QJsonObject &m_object;
    QString *m_error;
    bool m_ok = true;
};

std::optional<Record> finish(FieldReader &fields, Record record) {
    if (!fields.ok())
        return std::nullopt;
    return record;
}

} // namespace

std::optional<Record> parseRecordLine(QByteArrayView line, QString *error) {
    if (line.size() > maxRecordLineBytes) {
        if (error)
            *error = QStringLiteral("line longer than %1 bytes").arg(maxRecordLineBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    FieldReader fields(object, error);
    const QString type = object.value(QLatin1String("t")).toString();
    if (type == QLatin1String("ticket")) {
        TicketRecord ticket;
        ticket.tid = fields.code("tid", 1, 32, true);
        ticket.train = fields.code("trn", 1, 8, true);
        ticket.dep = fields.code("dep", 3, 3, false);
        ticket.arr = fields.code("arr", 3, 3, false);
        ticket.departure = fields.unixSecs("dpt");
        ticket.car = fields.optionalCount("car", 999);
        ticket.seat = fields.optionalText("seat", 8);
        ticket.seatClass = fields.optionalText("cls", 8);
        ticket.holder = fields.holderKey("holder");
        ticket.status = fields.oneOf("status", {"valid", "refunded", "changed"});
        ticket.maskedName = fields.optionalText("nm", 32);
        if (object.contains(QLatin1String("kind")))
            ticket.kind = fields.oneOf("kind", {"adult", "child", "student", "disabled_military"});
        ticket.eligibleUntil = fields.optionalUnixSecs("eligible_until");
        // A student ticket without its check date cannot be judged: the
        // ticket system always sends one, so its absence is a broken record.
        if (ticket.kind == QLatin1String("student") && !ticket.eligibleUntil && fields.ok()) {
            if (error)
                *error = QStringLiteral("field eligible_until: missing on a student ticket");
            return std::nullopt;
        }
        return finish(fields, ticket);
    }
    if (type == QLatin1String("train")) {
        TrainRecord train;
        train.train = fields.code("trn", 1, 8, true);
        train.departure = fields.unixSecs("dpt");
        train.open = fields.unixSecs("open");
        train.close = fields.unixSecs("close");
        train.gates = fields.gates("gates");
        train.status = fields.oneOf("status", {"normal", "delayed", "cancelled"});
        return finish(fields, train);
    }
    if (type == QLatin1String("used")) {
        UsedRecord used;
        used.tid = fields.code("tid", 1, 32, true);
        used.dir = fields.oneOf("dir", {"in", "out"});
        used.at = fields.unixSecs("at");
        // The id of the gate that recorded the passage (gate.id, up to 32).
        used.gate = fields.text("gate", 1, 32);
        return finish(fields, used);
    }
    if (type == QLatin1String("del")) {
        DeleteRecord deletion;
        deletion.tid = fields.code("tid", 1, 32, true);
        return finish(fields, deletion);
    }
    if (type == QLatin1String("station")) {
        StationRecord station;
        station.code = fields.code("code", 3, 3, false);
        station.zh = fields.text("zh", 1, 32);
        station.en = fields.text("en", 1, 64);
        return finish(fields, station);
    }
    if (error)
        *error = QStringLiteral("unknown record type");
    return std::nullopt;
}

} // namespace gate::tickets
