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

Arguments::Arguments(QString usage, const QList<QCommandLineOption> &options)
    : m_usage(std::move(usage)) {
    m_parser.addOptions(options);
}

bool Arguments::parse(const QStringList &args) {
    if (m_parser.parse(QStringList{QStringLiteral("gatectl")} + args))
        return true;
    usageError(m_parser.errorText());
    return false;
}

std::optional<qint64> Arguments::integer(const QString &name, qint64 min, qint64 max,
                                         qint64 fallback) const {
    if (!m_parser.isSet(name))
        return fallback;
    bool whole = false;
    const qint64 number = m_parser.value(name).toLongLong(&whole);
    if (whole && number >= min && number <= max)
        return number;
    usageError(
        QStringLiteral("--%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max));
    return std::nullopt;
}

int Arguments::usageError(const QString &reason) const {
    printError(QStringLiteral("usage: ") + m_usage);
    if (!reason.isEmpty())
        printError(reason);
    return exitUsage;
}

} // namespace gatectl
