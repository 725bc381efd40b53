#include "core/credentials/eticket/base45.h"

#include <array>

namespace gate::eticket {

namespace {

constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
constexpr int radix = 45;

constexpr std::array<signed char, 128> buildDigitTable() {
    std::array<signed char, 128> table{};
    table.fill(-1);
    for (int i = 0; i < radix; ++i)
        table[size_t(alphabet[i])] = static_cast<signed char>(i);
    return table;
}

constexpr std::array<signed char, 128> digitOf = buildDigitTable();

int digit(QChar c) {
    const char16_t code = c.unicode();
    return code < digitOf.size() ? digitOf[code] : -1;
}

} // namespace

std::optional<QByteArray> decodeBase45(QStringView text, qsizetype maxBytes) {
    if (text.size() % 3 == 1)
        return std::nullopt;
    const qsizetype outputSize = text.size() / 3 * 2 + (text.size() % 3 == 2 ? 1 : 0);
    if (outputSize > maxBytes)
        return std::nullopt;
    QByteArray out;
    out.reserve(outputSize);
    for (qsizetype i = 0; i < text.size(); i += 3) {
        const qsizetype chunk = qMin<qsizetype>(3, text.size() - i);
        int value = 0;
        int weight = 1;
        for (qsizetype j = 0; j < chunk; ++j) {
            const int d = digit(text[i + j]);
            if (d < 0)
                return std::nullopt;
            value += d * weight;
            weight *= radix;
        }
        if (chunk == 3) {
            if (value > 0xFFFF)
                return std::nullopt;
            out.append(char(value >> 8));
            out.append(char(value & 0xFF));
        } else {
            if (value > 0xFF)
                return std::nullopt;
            out.append(char(value));
        }
    }
    return out;
}

QString encodeBase45(QByteArrayView bytes) {
    QString out;
    out.reserve(bytes.size() / 2 * 3 + 2);
    for (qsizetype i = 0; i < bytes.size(); i += 2) {
        const bool pair = i + 1 < bytes.size();
        int value = pair ? (quint8(bytes[i]) << 8) | quint8(bytes[i + 1]) : quint8(bytes[i]);
        const int digits = pair ? 3 : 2;
        for (int j = 0; j < digits; ++j) {
            out.append(QLatin1Char(alphabet[value % radix]));
            value /= radix;
        }
    }
    return out;
}

} // namespace gate::eticket
