#include "core/credentials/idcard/carddescription.h"

#include "core/credentials/idcard/cardencoder.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace gate::idcard {

namespace {

struct TextKey {
    const char *key;
    QString CardDescription::*member;
};

constexpr std::array kTextKeys{
    TextKey{"name_zh", &CardDescription::nameZh},
    TextKey{"name_en", &CardDescription::nameEn},
    TextKey{"number", &CardDescription::number},
    TextKey{"nationality", &CardDescription::nationality},
    TextKey{"ethnicity", &CardDescription::ethnicity},
    TextKey{"address", &CardDescription::address},
    TextKey{"authority", &CardDescription::authority},
    TextKey{"pass_number", &CardDescription::passNumber},
    TextKey{"issue_count", &CardDescription::issueCount},
    TextKey{"renewal_count", &CardDescription::renewalCount},
    TextKey{"previous_link", &CardDescription::previousLink},
    TextKey{"card_version", &CardDescription::cardVersion},
    TextKey{"authority_code", &CardDescription::authorityCode},
};

constexpr std::array kOtherKeys{"type", "sex", "birth", "valid_from", "valid_to", "fingerprint"};

bool isKnownKey(const QString &key) {
    for (const TextKey &text : kTextKeys)
        if (key == QLatin1String(text.key))
            return true;
    for (const char *other : kOtherKeys)
        if (key == QLatin1String(other))
            return true;
    return false;
}

std::optional<DocumentKind> kindFromName(const QString &name) {
    for (DocumentKind kind : {DocumentKind::ResidentId, DocumentKind::HmtPermit,
                              DocumentKind::Fpr2017, DocumentKind::Fpr2023})
        if (toString(kind) == name)
            return kind;
    return std::nullopt;
}

class Reader {
public:
    Reader(const QJsonObject &json, QString *error)
        : m_json(json)
        , m_error(error) {}

    bool fail(const char *key, const char *problem) {
        *m_error = QStringLiteral("%1: %2").arg(QLatin1String(key), QLatin1String(problem));
        return false;
    }

    // Absent keys leave `out` as it is.
    bool text(const char *key, QString &out) {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined())
            return true;
        if (!value.isString())
            return fail(key, "a string is needed");
        out = value.toString();
        return true;
    }

    bool date(const char *key, QDate &out) {
        QString text;
        if (!this->text(key, text))
            return false;
        if (text.isEmpty())
            return fail(key, "a date YYYY-MM-DD is needed");
        out = QDate::fromString(text, Qt::ISODate);
        return out.isValid() || fail(key, "a date YYYY-MM-DD is needed");
    }

private:
    const QJsonObject &m_json;
    QString *m_error;
};

bool readSex(Reader &in, CardDescription &card) {
    QString sex;
    if (!in.text("sex", sex))
        return false;
    if (sex.isEmpty())
        return true;
    if (sex != QLatin1String("M") && sex != QLatin1String("F") && sex != QLatin1String("X"))
        return in.fail("sex", "M, F or X");
    card.sex = sex.front();
    return true;
}

bool readValidTo(Reader &in, CardDescription &card) {
    QString validTo;
    if (!in.text("valid_to", validTo))
        return false;
    if (validTo == QLatin1String("long-term")) {
        card.longTerm = true;
        return true;
    }
    return in.date("valid_to", card.validTo);
}

} // namespace

std::optional<CardDescription> cardDescriptionFromJson(const QJsonObject &json, QString *error) {
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!isKnownKey(it.key())) {
            *error = QStringLiteral("%1: unknown key").arg(it.key());
            return std::nullopt;
        }
    }
    Reader in(json, error);
    CardDescription card;
    QString type;
    if (!in.text("type", type))
        return std::nullopt;
    const std::optional<DocumentKind> kind = kindFromName(type);
    if (!kind) {
        in.fail("type", "one of resident, hmt, fpr2017, fpr2023");
        return std::nullopt;
    }
    card.kind = *kind;
    for (const TextKey &text : kTextKeys)
        if (!in.text(text.key, card.*text.member))
            return std::nullopt;
    if (card.number.isEmpty()) {
        in.fail("number", "a number is needed");
        return std::nullopt;
    }
    const QJsonValue fingerprint = json.value(QLatin1String("fingerprint"));
    if (!fingerprint.isUndefined() && !fingerprint.isBool()) {
        in.fail("fingerprint", "true or false");
        return std::nullopt;
    }
    card.hasFingerprint = fingerprint.toBool();
    if (!readSex(in, card) || !in.date("birth", card.birth) ||
        !in.date("valid_from", card.validFrom) || !readValidTo(in, card))
        return std::nullopt;
    // The values must also fit their places in the text block.
    if (!encodeTextBlock(card, error))
        return std::nullopt;
    return card;
}

} // namespace gate::idcard
