#include "hal/jsonfields.h"

#include "hal/wholenumber.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace gate {

namespace {

QString typeName(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

JsonFields::JsonFields(const QJsonObject &object, QString path, QStringList *errors)
    : m_object(object)
    , m_path(std::move(path))
    , m_errors(errors) {}

QString JsonFields::pathOf(const QString &key) const {
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonFields::error(const QString &key, const QString &problem) const {
    m_errors->append(QStringLiteral("%1: %2").arg(pathOf(key), problem));
}

void JsonFields::rejectUnknown(const QStringList &known) const {
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!known.contains(it.key()))
            error(it.key(), QStringLiteral("unknown key (known here: %1)").arg(known.join(u", ")));
    }
}

QString JsonFields::string(const QString &key, const QString &fallback) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isString()) {
        error(key, QStringLiteral("must be a string, not %1").arg(typeName(value)));
        return fallback;
    }
    return value.toString();
}

QString JsonFields::requiredString(const QString &key) const {
    if (!m_object.contains(key)) {
        error(key, QStringLiteral("is required"));
        return {};
    }
    const QString value = string(key);
    if (value.isEmpty() && m_object.value(key).isString())
        error(key, QStringLiteral("must not be empty"));
    return value;
}

QString JsonFields::matching(const QString &key, const QString &pattern, const QString &what,
                             const QString &fallback) const {
    if (!m_object.contains(key) && !fallback.isNull())
        return fallback;
    const QString value = fallback.isNull() ? requiredString(key) : string(key, fallback);
    if (value.isEmpty() && !m_object.value(key).isString())
        return value; // already reported
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
    if (!expression.match(value).hasMatch())
        error(key, QStringLiteral("must be %1 (got \"%2\")").arg(what, value));
    return value;
}

QString JsonFields::oneOf(const QString &key, const QStringList &choices,
                          const QString &fallback) const {
    const QString value = string(key, fallback);
    if (!choices.contains(value)) {
        error(key, QStringLiteral("must be one of %1 (got \"%2\")")
                       .arg(choices.join(QStringLiteral(", ")), value));
        return fallback;
    }
    return value;
}

qint64 JsonFields::integer(const QString &key, qint64 fallback, qint64 min, qint64 max) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return fallback;
    const std::optional<qint64> number = hal::wholeNumber(value);
    const bool whole =
        number || (value.isDouble() && value.toDouble() == std::trunc(value.toDouble()));
    if (!whole) {
        error(key, QStringLiteral("must be a whole number, not %1").arg(typeName(value)));
        return fallback;
    }
    if (!number || *number < min || *number > max) {
        error(key, QStringLiteral("must be between %1 and %2 (got %3)")
                       .arg(min)
                       .arg(max)
                       .arg(value.toDouble()));
        return fallback;
    }
    return *number;
}

bool JsonFields::boolean(const QString &key, bool fallback) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        error(key, QStringLiteral("must be true or false, not %1").arg(typeName(value)));
        return fallback;
    }
    return value.toBool();
}

QJsonObject JsonFields::object(const QString &key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        error(key, QStringLiteral("must be an object, not %1").arg(typeName(value)));
    return value.toObject();
}

QJsonArray JsonFields::array(const QString &key) const {
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        error(key, QStringLiteral("must be a list, not %1").arg(typeName(value)));
    return value.toArray();
}

JsonFields JsonFields::child(const QString &key) const {
    return JsonFields(object(key), pathOf(key), m_errors);
}

} // namespace gate
