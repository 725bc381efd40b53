#include "hal/exceptiontext.h"

namespace gate::hal {

QString describeException(const std::exception_ptr &thrown) {
    try {
        std::rethrow_exception(thrown);
    } catch (const std::exception &exception) {
        return QString::fromLocal8Bit(exception.what()).simplified().left(200);
    } catch (...) {
        return QStringLiteral("an unknown exception");
    }
}

} // namespace gate::hal
