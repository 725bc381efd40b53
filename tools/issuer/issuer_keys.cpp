#include "issuer.h"

#include <QTextStream>

namespace gate::issuer {

int keygen(const QStringList &) {
    QTextStream(stderr) << "gate-issuer: this command is not available in this build\n";
    return 2;
}

} // namespace gate::issuer
