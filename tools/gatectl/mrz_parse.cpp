#include "cli.h"

#include "core/credentials/mrz/mrzjson.h"

#include <QDate>

namespace gatectl {

// gatectl mrz parse LINE...: checks MRZ text given as two or three arguments.
int mrzParse(const QStringList &args) {
    if (args.size() < 2 || args.size() > 3)
        return usageError(QStringLiteral("usage: gatectl mrz parse LINE1 LINE2 [LINE3]"));
    std::vector<std::string> lines;
    for (const QString &line : args)
        lines.push_back(line.trimmed().toStdString());
    const QDate today = QDate::currentDate();
    const auto result = gate::mrz::parseMrz(lines, {today.year(), today.month(), today.day()});
    QJsonObject object{{QStringLiteral("found"), result.format.has_value()}};
    const QJsonObject fields = gate::mrzResultJson(result);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        object.insert(it.key(), it.value());
    printJson(object);
    return exitRan;
}

} // namespace gatectl
