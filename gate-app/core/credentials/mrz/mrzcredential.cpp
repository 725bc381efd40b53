#include "core/credentials/mrz/mrzcredential.h"

#include "vision/mrz/mrzparser.h"

namespace gate {

namespace {

QString fromAscii(const std::string &text) {
    return QString::fromLatin1(text.data(), text.size());
}

} // namespace

Credential credentialFromMrzLines(const QStringList &lines, const QDate &today) {
    constexpr Reason invalid = Reason::MrzInvalid;
    if (lines.size() > 3 || !today.isValid())
        return Credential::failed(invalid);
    std::vector<std::string> text;
    for (const QString &line : lines) {
        if (line.size() > static_cast<qsizetype>(mrz::kMaxLineLength))
            return Credential::failed(invalid);
        text.push_back(line.toStdString());
    }
    const mrz::MrzParseResult parsed =
        mrz::parseMrz(text, {today.year(), today.month(), today.day()});
    if (!parsed.valid)
        return Credential::failed(invalid);

    const mrz::MrzDocument &read = parsed.document;
    IdentityDocument document;
    document.kind = DocumentKind::Mrz;
    document.number = fromAscii(read.number);
    document.numberValid = true;
    document.issuer = fromAscii(read.issuer);
    document.documentCode = fromAscii(read.type);
    document.nameLatin = fromAscii(read.surname);
    if (!read.givenNames.empty())
        document.nameLatin += QLatin1Char(' ') + fromAscii(read.givenNames);
    document.nationality = fromAscii(read.nationality);
    if (!read.sex.empty())
        document.sex = QLatin1Char(read.sex.front());
    document.birth = QDate::fromString(fromAscii(read.birth), Qt::ISODate);
    document.validTo = QDate::fromString(fromAscii(read.expiry), Qt::ISODate);
    Credential credential = Credential::fromDocument(std::move(document));
    // The printed page alone proves nothing until a chip reader vouches for it.
    credential.chip = {ChipProof::State::Unverified, QStringLiteral("not_read")};
    return credential;
}

} // namespace gate
