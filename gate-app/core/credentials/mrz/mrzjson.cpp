#include "core/credentials/mrz/mrzjson.h"

#include <QJsonArray>

namespace gate {

namespace {

QString fromAscii(const std::string &text) {
    return QString::fromLatin1(text.data(), text.size());
}

QString fromAscii(std::string_view text) {
    return QString::fromLatin1(text.data(), text.size());
}

} // namespace

QJsonObject mrzResultJson(const mrz::MrzParseResult &result) {
    QJsonObject object;
    if (result.format)
        object.insert(QStringLiteral("format"), fromAscii(mrz::formatName(*result.format)));
    QJsonArray lines;
    for (const std::string &line : result.lines)
        lines.append(fromAscii(line));
    object.insert(QStringLiteral("lines"), lines);
    object.insert(QStringLiteral("valid"), result.valid);
    if (result.format) {
        const mrz::MrzDocument &document = result.document;
        object.insert(QStringLiteral("document"),
                      QJsonObject{{QStringLiteral("type"), fromAscii(document.type)},
                                  {QStringLiteral("issuer"), fromAscii(document.issuer)},
                                  {QStringLiteral("number"), fromAscii(document.number)},
                                  {QStringLiteral("surname"), fromAscii(document.surname)},
                                  {QStringLiteral("given_names"), fromAscii(document.givenNames)},
                                  {QStringLiteral("nationality"), fromAscii(document.nationality)},
                                  {QStringLiteral("birth"), fromAscii(document.birth)},
                                  {QStringLiteral("sex"), fromAscii(document.sex)},
                                  {QStringLiteral("expiry"), fromAscii(document.expiry)},
                                  {QStringLiteral("optional"), fromAscii(document.optional)}});
    }
    QJsonArray failed;
    for (const std::string &check : result.failedChecks)
        failed.append(fromAscii(check));
    object.insert(QStringLiteral("failed_checks"), failed);
    return object;
}

} // namespace gate
