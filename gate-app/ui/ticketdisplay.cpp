#include "ticketdisplay.h"

#include "core/decision/stationname.h"

#include <QDateTime>
#include <QStringList>

namespace gate::ui {

namespace {

constexpr qsizetype kMaxFieldLength = 32;

QString field(const QVariantMap &claims, const char *key) {
    return claims.value(QLatin1String(key)).toString().simplified().left(kMaxFieldLength);
}

QString departureTime(const QVariantMap &claims) {
    bool ok = false;
    const qint64 secs = claims.value(QStringLiteral("departs_at")).toLongLong(&ok);
    if (!ok || secs <= 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString direction(const QVariantMap &claims) {
    const QString value = field(claims, "direction").toLower();
    if (value == u"left" || value == u"right")
        return value;
    return QStringLiteral("ahead");
}

} // namespace

QString maskedName(const QString &name) {
    const QString trimmed = name.simplified().left(kMaxFieldLength);
    if (trimmed.contains(u'*'))
        return trimmed;
    QStringList words = trimmed.split(u' ', Qt::SkipEmptyParts);
    for (QString &word : words) {
        const qsizetype firstLength = word.at(0).isHighSurrogate() ? 2 : 1;
        const qsizetype masked = qMax<qsizetype>(1, word.toUcs4().size() - 1);
        word = word.left(firstLength) + QString(masked, u'*');
    }
    return words.join(u' ');
}

QVariantMap ticketForDisplay(const QVariantMap &claims) {
    QVariantMap shown{
        {QStringLiteral("party"), qBound(1, claims.value(QStringLiteral("party"), 1).toInt(), 99)},
        {QStringLiteral("train"), field(claims, "train")},
        {QStringLiteral("coach"), field(claims, "car")},
        {QStringLiteral("seat"), field(claims, "seat")},
        {QStringLiteral("name"), maskedName(field(claims, "masked_name"))},
        {QStringLiteral("departure"), departureTime(claims)},
        {QStringLiteral("direction"), direction(claims)},
    };
    for (const LanguageEntry &entry : kLanguages) {
        const QString code = toString(entry.language);
        shown.insert(
            QStringLiteral("from_") + code,
            stationName(claims, QStringLiteral("dep"), entry.language).left(kMaxFieldLength));
        shown.insert(
            QStringLiteral("to_") + code,
            stationName(claims, QStringLiteral("arr"), entry.language).left(kMaxFieldLength));
    }
    return shown;
}

} // namespace gate::ui
