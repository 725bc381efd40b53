#pragma once

#include <QJsonValue>

#include <optional>

namespace gate::hal {

// A JSON number that is whole and fits a 64-bit integer, or nullopt. Every
// integer setting of configurations, profiles and trust lists goes through
// it: casting a double such as 1e30 to an integer first is undefined.
std::optional<qint64> wholeNumber(const QJsonValue &value);

} // namespace gate::hal
