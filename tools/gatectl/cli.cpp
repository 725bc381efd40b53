#include "cli.h"

#include <QJsonDocument>

#include <cstdio>

namespace gatectl {

void printJson(const QJsonObject &object) {
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &message) {
    const QByteArray line = "gatectl: " + message.toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

int usageError(const QString &message) {
    printError(message);
    return exitUsage;
}

} // namespace gatectl
