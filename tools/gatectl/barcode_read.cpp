#include "cli.h"

namespace gatectl {

int barcodeRead(const QStringList &) {
    printError(QStringLiteral("this subcommand is not available in this build"));
    return exitUsage;
}

} // namespace gatectl
