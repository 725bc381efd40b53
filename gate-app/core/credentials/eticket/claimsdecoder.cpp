#include "core/credentials/eticket/claimsdecoder.h"

#include <limits>

namespace gate::eticket {

namespace {

constexpr qint64 claimIss = 1;
constexpr qint64 claimExp = 4;
constexpr qint64 claimIat = 6;
constexpr qsizetype holderBindingSize = 8;

// One claim's checks, applied in turn; the first refusal ends decoding.
class ClaimsReader {
public:
    explicit ClaimsReader(const CborItem &map)
        : m_map(map) {}

    bool ok() const { return m_ok; }

    template <typename Key> qint64 requiredInteger(Key key) {
        const CborItem *item = m_map.value(key);
        const std::optional<qint64> value = item ? item->toInt64() : std::nullopt;
        m_ok = m_ok && value.has_value();
        return value.value_or(0);
    }

    // Absent is fine; present must be an unsigned integer that fits 32 bits.
    std::optional<quint32> optionalUnsigned(QLatin1StringView key) {
        const CborItem *item = m_map.value(key);
        if (!item)
            return std::nullopt;
        if (item->type != CborItem::Type::Unsigned ||
            item->number > std::numeric_limits<quint32>::max()) {
            m_ok = false;
            return std::nullopt;
        }
        return quint32(item->number);
    }

    template <typename Key>
    QString text(Key key, bool required, qsizetype minLength, qsizetype maxLength,
                 bool (*allowed)(QChar) = nullptr) {
        const CborItem *item = m_map.value(key);
        if (!item) {
            m_ok = m_ok && !required;
            return {};
        }
        const QString value =
            item->type == CborItem::Type::Text ? QString::fromUtf8(item->bytes) : QString();
        bool good = item->type == CborItem::Type::Text && value.size() >= minLength &&
                    value.size() <= maxLength;
        for (qsizetype i = 0; good && allowed && i < value.size(); ++i)
            good = allowed(value[i]);
        m_ok = m_ok && good;
        return good ? value : QString();
    }

    QByteArray optionalBytes(QLatin1StringView key, qsizetype size) {
        const CborItem *item = m_map.value(key);
        if (!item)
            return {};
        const bool good = item->type == CborItem::Type::Bytes && item->bytes.size() == size;
        m_ok = m_ok && good;
        return good ? item->bytes : QByteArray();
    }

private:
    const CborItem &m_map;
    bool m_ok = true;
};

bool isUpperOrDigit(QChar c) {
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isUpper(QChar c) {
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

constexpr qsizetype unbounded = std::numeric_limits<qsizetype>::max();

} // namespace

std::optional<TicketClaims> decodeClaims(const CborItem &map) {
    if (map.type != CborItem::Type::Map)
        return std::nullopt;
    ClaimsReader reader(map);
    TicketClaims claims;
    claims.iss = reader.text(claimIss, true, 1, unbounded);
    claims.iat = reader.requiredInteger(claimIat);
    claims.exp = reader.requiredInteger(claimExp);
    claims.tid = reader.text(QLatin1StringView("tid"), true, 1, 32, isUpperOrDigit);
    claims.train = reader.text(QLatin1StringView("trn"), true, 1, 8);
    claims.dep = reader.text(QLatin1StringView("dep"), true, 3, 3, isUpper);
    claims.arr = reader.text(QLatin1StringView("arr"), true, 3, 3, isUpper);
    claims.departure = reader.requiredInteger(QLatin1StringView("dpt"));
    claims.car = reader.optionalUnsigned(QLatin1StringView("car"));
    claims.seat = reader.text(QLatin1StringView("seat"), false, 0, 8);
    claims.seatClass = reader.text(QLatin1StringView("cls"), false, 0, 8);
    claims.maskedName = reader.text(QLatin1StringView("nm"), false, 0, 32);
    claims.holderBinding = reader.optionalBytes(QLatin1StringView("hb"), holderBindingSize);
    claims.bindingKey = reader.optionalUnsigned(QLatin1StringView("kb"));
    // A binding tag is useless without the key it was made with, and a key id
    // without a tag means the issuer got something wrong.
    if (!reader.ok() || claims.holderBinding.isEmpty() != !claims.bindingKey.has_value())
        return std::nullopt;
    return claims;
}

std::optional<QString> issuerClaim(const CborItem &map) {
    if (map.type != CborItem::Type::Map)
        return std::nullopt;
    const CborItem *item = map.value(claimIss);
    if (!item || item->type != CborItem::Type::Text)
        return std::nullopt;
    return QString::fromUtf8(item->bytes);
}

} // namespace gate::eticket
