#include "core/credentials/eticket/cborreader.h"

#include <QStringDecoder>

#include <limits>

namespace gate::eticket {

namespace {

class Reader {
public:
    Reader(QByteArrayView data, const CborLimits &limits)
        : m_data(data)
        , m_limits(limits) {}

    std::optional<CborItem> readAll() {
        std::optional<CborItem> item = readItem(0);
        if (item && m_position != m_data.size())
            return fail(QStringLiteral("trailing bytes after the data item"));
        return item;
    }

    QString error() const { return m_error; }

private:
    std::nullopt_t fail(const QString &message) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at byte %2").arg(message).arg(m_position);
        return std::nullopt;
    }

    qsizetype remaining() const { return m_data.size() - m_position; }

    // The head's argument: the value, length or count that follows the major type.
    std::optional<quint64> readArgument(int additional) {
        if (additional < 24)
            return quint64(additional);
        if (additional == 31)
            return fail(QStringLiteral("indefinite length"));
        if (additional > 27)
            return fail(QStringLiteral("reserved additional information"));
        const int width = 1 << (additional - 24);
        if (remaining() < width)
            return fail(QStringLiteral("truncated head"));
        quint64 value = 0;
        for (int i = 0; i < width; ++i)
            value = (value << 8) | quint8(m_data[m_position++]);
        return value;
    }

    std::optional<CborItem> readItem(int depth) {
        if (remaining() < 1)
            return fail(QStringLiteral("truncated item"));
        const quint8 initial = quint8(m_data[m_position++]);
        const int major = initial >> 5;
        const int additional = initial & 0x1F;
        CborItem item;
        if (major == 7) {
            if (additional == 31)
                return fail(QStringLiteral("unexpected break"));
            if (additional > 27 ||
                (additional == 24 && remaining() >= 1 && quint8(m_data[m_position]) < 32))
                return fail(QStringLiteral("malformed simple value"));
        }
        const std::optional<quint64> argument = readArgument(additional);
        if (!argument)
            return std::nullopt;
        item.number = *argument;
        switch (major) {
        case 0:
            item.type = CborItem::Type::Unsigned;
            break;
        case 1:
            item.type = CborItem::Type::Negative;
            break;
        case 2:
        case 3:
            if (*argument > quint64(remaining()))
                return fail(QStringLiteral("string longer than the data"));
            item.type = major == 2 ? CborItem::Type::Bytes : CborItem::Type::Text;
            item.bytes = m_data.sliced(m_position, qsizetype(*argument)).toByteArray();
            m_position += qsizetype(*argument);
            item.number = 0;
            if (major == 3 && !isValidUtf8(item.bytes))
                return fail(QStringLiteral("text is not UTF-8"));
            break;
        case 4:
        case 5:
            if (!readContainer(item, major == 5, *argument, depth))
                return std::nullopt;
            break;
        case 6:
            item.type = CborItem::Type::Tag;
            if (depth + 1 > m_limits.maxDepth)
                return fail(QStringLiteral("nested too deeply"));
            if (auto content = readItem(depth + 1))
                item.items.push_back(std::move(*content));
            else
                return std::nullopt;
            break;
        default:
            item.type = CborItem::Type::Simple;
            item.number = quint64(additional);
            break;
        }
        return item;
    }

    bool readContainer(CborItem &item, bool isMap, quint64 count, int depth) {
        item.type = isMap ? CborItem::Type::Map : CborItem::Type::Array;
        item.number = 0;
        if (depth + 1 > m_limits.maxDepth)
            return fail(QStringLiteral("nested too deeply")), false;
        // Every element takes at least one byte: a larger count is a lie.
        const quint64 elements = isMap ? count * 2 : count;
        if (count > quint64(remaining()) || elements > quint64(remaining()))
            return fail(QStringLiteral("more elements than bytes")), false;
        item.items.reserve(size_t(elements));
        for (quint64 i = 0; i < elements; ++i) {
            std::optional<CborItem> element = readItem(depth + 1);
            if (!element)
                return false;
            if (isMap && i % 2 == 0 && !acceptKey(item, *element))
                return false;
            item.items.push_back(std::move(*element));
        }
        return true;
    }

    bool acceptKey(const CborItem &map, const CborItem &key) {
        if (!key.isInteger() && key.type != CborItem::Type::Text)
            return fail(QStringLiteral("map key is neither an integer nor text")), false;
        for (size_t i = 0; i < map.items.size(); i += 2) {
            const CborItem &other = map.items[i];
            if (other.type == key.type && other.number == key.number && other.bytes == key.bytes)
                return fail(QStringLiteral("duplicate map key")), false;
        }
        return true;
    }

    static bool isValidUtf8(const QByteArray &bytes) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(bytes);
        return !decoder.hasError();
    }

    QByteArrayView m_data;
    const CborLimits &m_limits;
    qsizetype m_position = 0;
    QString m_error;
};

} // namespace

std::optional<qint64> CborItem::toInt64() const {
    constexpr quint64 largest = quint64(std::numeric_limits<qint64>::max());
    if (type == Type::Unsigned && number <= largest)
        return qint64(number);
    if (type == Type::Negative && number <= largest)
        return -1 - qint64(number);
    return std::nullopt;
}

const CborItem *CborItem::value(qint64 key) const {
    if (type != Type::Map)
        return nullptr;
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].isInteger() && items[i].toInt64() == key)
            return &items[i + 1];
    }
    return nullptr;
}

const CborItem *CborItem::value(QLatin1StringView key) const {
    if (type != Type::Map)
        return nullptr;
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].type == Type::Text && QLatin1StringView(items[i].bytes) == key)
            return &items[i + 1];
    }
    return nullptr;
}

std::optional<CborItem> parseCbor(QByteArrayView data, QString *error, const CborLimits &limits) {
    Reader reader(data, limits);
    std::optional<CborItem> item = reader.readAll();
    if (!item && error)
        *error = reader.error();
    return item;
}

} // namespace gate::eticket
