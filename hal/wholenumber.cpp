#include "hal/wholenumber.h"

#include <cmath>

namespace gate::hal {

std::optional<qint64> wholeNumber(const QJsonValue &value) {
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    constexpr double twoTo63 = 9223372036854775808.0; // exactly representable
    if (!(number >= -twoTo63 && number < twoTo63) || number != std::trunc(number))
        return std::nullopt;
    return qint64(number);
}

} // namespace gate::hal
