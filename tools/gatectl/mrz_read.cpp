#include "cli.h"

namespace gatectl {

int mrzRead(const QStringList &) {
    printError(QStringLiteral("this subcommand is not available in this build"));
    return exitUsage;
}

} // namespace gatectl
