#pragma once

#include <QString>

#include <exception>

namespace gate::hal {

// A caught exception as a short line for a health detail or a log: what() of
// a std::exception (cv::Exception is one), cut to 200 characters.
QString describeException(const std::exception_ptr &thrown);

} // namespace gate::hal
