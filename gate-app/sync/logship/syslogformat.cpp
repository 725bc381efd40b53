#include "sync/logship/syslogformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace gate {

namespace {

constexpr int facilityLocal0 = 16;

int severity(AuditEventType type) {
    switch (type) {
    case AuditEventType::Alarm:
        return 4; // warning
    case AuditEventType::Service:
    case AuditEventType::Lane:
    case AuditEventType::System:
        return 5; // notice
    case AuditEventType::Decision:
    case AuditEventType::Passage:
        break;
    }
    return 6; // informational
}

// RFC 5424 header fields: printable US-ASCII without spaces, or "-".
QByteArray headerToken(const QString &text, int maxLength) {
    QByteArray token;
    for (const QChar c : text) {
        if (token.size() == maxLength)
            break;
        token.append(c.unicode() > 32 && c.unicode() < 127 ? char(c.unicode()) : '_');
    }
    return token.isEmpty() ? QByteArrayLiteral("-") : token;
}

// SD-NAME: printable US-ASCII except '=', ' ', ']', '"', at most 32 characters.
QByteArray sdName(const QString &key) {
    QByteArray name;
    for (const QChar c : key) {
        if (name.size() == 32)
            break;
        const char16_t u = c.unicode();
        const bool allowed = u > 32 && u < 127 && u != '=' && u != ']' && u != '"';
        name.append(allowed ? char(u) : '_');
    }
    return name;
}

// PARAM-VALUE: UTF-8 with '"', '\' and ']' escaped.
QByteArray sdValue(const QJsonValue &value) {
    QByteArray text;
    if (value.isString())
        text = value.toString().toUtf8();
    else if (value.isDouble())
        text = QByteArray::number(value.toDouble(), 'g', 17);
    else if (value.isBool())
        text = value.toBool() ? "true" : "false";
    else if (value.isObject())
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QByteArray escaped;
    escaped.reserve(text.size());
    for (const char c : std::as_const(text)) {
        if (c == '"' || c == '\\' || c == ']')
            escaped.append('\\');
        escaped.append(c);
    }
    return escaped;
}

void appendParam(QByteArray &out, const QByteArray &name, const QByteArray &value) {
    out += ' ' + name + "=\"" + value + '"';
}

} // namespace

QByteArray syslogMessageId(AuditEventType type) {
    return "GATE_" + auditEventTypeName(type).toUpper().toLatin1();
}

QByteArray formatSyslogRecord(const AuditEvent &event, const QString &gateId,
                              const QString &hostname) {
    const QByteArray enterprise = '@' + QByteArray::number(gateEnterpriseNumber);
    const QString typeName = auditEventTypeName(event.type);
    QByteArray out;
    out.reserve(256);
    out += '<' + QByteArray::number(facilityLocal0 * 8 + severity(event.type)) + ">1 ";
    out += QDateTime::fromSecsSinceEpoch(event.at, Qt::UTC).toString(Qt::ISODate).toLatin1();
    out += ' ' + headerToken(hostname, 255) + " station-gate - " + syslogMessageId(event.type);

    out += " [gate" + enterprise;
    appendParam(out, "gate", sdValue(gateId));
    appendParam(out, "seq", QByteArray::number(event.seq));
    appendParam(out, "type", typeName.toLatin1());
    out += ']';
    if (!event.fields.isEmpty()) {
        out += "[fields" + enterprise;
        for (auto it = event.fields.begin(); it != event.fields.end(); ++it)
            appendParam(out, sdName(it.key()), sdValue(it.value()));
        out += ']';
    }

    const QJsonObject body{{QStringLiteral("gate"), gateId},
                           {QStringLiteral("seq"), event.seq},
                           {QStringLiteral("type"), typeName},
                           {QStringLiteral("at"), event.at},
                           {QStringLiteral("fields"), event.fields}};
    out += ' ' + QJsonDocument(body).toJson(QJsonDocument::Compact);
    return out;
}

} // namespace gate
