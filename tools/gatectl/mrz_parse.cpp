#include "cli.h"

#include "core/credentials/mrz/mrzjson.h"

#include <QDate>

namespace gatectl {

// gatectl mrz parse LINE...: checks MRZ text given as two or three arguments.
int mrzParse(const QStringList &args) {
    // MRZ lines never start with "-"; a "<" filler is no option either.
    Arguments arguments(QStringLiteral("gatectl mrz parse LINE1 LINE2 [LINE3]"), {});
    if (!arguments.parse(args))
        return exitUsage;
    const QStringList given = arguments.positional();
    if (given.size() < 2 || given.size() > 3)
        return arguments.usageError();
    std::vector<std::string> lines;
    for (const QString &line : given)
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
