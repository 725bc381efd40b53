#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <vector>

namespace gate::eticket {

// One decoded CBOR data item (RFC 8949), as far as e-ticket codes need it.
struct CborItem {
    enum class Type { Unsigned, Negative, Bytes, Text, Array, Map, Tag, Simple };
    Type type = Type::Simple;
    // Unsigned: the value; Negative: the value is -1 - number; Tag: the tag
    // number; Simple: the additional information of the head.
    quint64 number = 0;
    QByteArray bytes;            // Bytes: the content; Text: UTF-8
    std::vector<CborItem> items; // Array: elements; Map: key, value, key, ...; Tag: the content

    // The integer value when it fits a signed 64-bit integer.
    std::optional<qint64> toInt64() const;
    bool isInteger() const { return type == Type::Unsigned || type == Type::Negative; }
    qsizetype mapSize() const { return qsizetype(items.size() / 2); }
    // The value under an integer or text key of a map, or nullptr.
    const CborItem *value(qint64 key) const;
    const CborItem *value(QLatin1StringView key) const;
};

// Strict structural limits: the reader refuses what a well-behaved issuer
// never writes, so that hostile input costs nothing but a refusal.
struct CborLimits {
    int maxDepth = 4; // arrays, maps and tags nested inside one another
};

// Decodes exactly one item spanning all of `data`. Refuses indefinite
// lengths, reserved or break heads, lengths beyond the buffer, map keys that
// are neither integers nor text, duplicate map keys, invalid UTF-8 in text
// and nesting deeper than the limit.
std::optional<CborItem> parseCbor(QByteArrayView data, QString *error,
                                  const CborLimits &limits = {});

} // namespace gate::eticket
