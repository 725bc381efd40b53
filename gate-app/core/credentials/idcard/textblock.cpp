#include "core/credentials/idcard/textblock.h"

#include "core/credentials/idcard/cardnumbers.h"
#include "core/credentials/idcard/nationalitycodes.h"
#include "core/credentials/idcard/textblocklayout.h"

#include <QtEndian>

#include <algorithm>

namespace gate::idcard {

namespace {

using layout::Field;

bool isDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

// A field as stored (UTF-16LE), nullopt when it holds control characters or
// broken surrogate pairs. Padding (spaces, NULs) is left to the caller: the
// 2023 English name must be joined before it is trimmed.
std::optional<QString> rawField(QByteArrayView block, Field field) {
    QString text(field.size / 2, Qt::Uninitialized);
    for (int i = 0; i < text.size(); ++i)
        text[i] = QChar(qFromLittleEndian<quint16>(block.data() + field.offset + 2 * i));
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if ((c.unicode() < 0x20 && c.unicode() != 0) || c.isSurrogate())
            return std::nullopt;
    }
    return text;
}

QString rightTrimmed(QString text) {
    qsizetype end = text.size();
    while (end > 0 && (text[end - 1] == u' ' || text[end - 1] == u'\0'))
        --end;
    text.truncate(end);
    return text;
}

std::optional<QString> field(QByteArrayView block, Field where) {
    const std::optional<QString> raw = rawField(block, where);
    if (!raw)
        return std::nullopt;
    return rightTrimmed(*raw);
}

std::optional<QDate> date(const QString &yyyymmdd) {
    if (yyyymmdd.size() != 8 || !std::all_of(yyyymmdd.begin(), yyyymmdd.end(), isDigit))
        return std::nullopt;
    const QDate parsed(yyyymmdd.first(4).toInt(), yyyymmdd.sliced(4, 2).toInt(),
                       yyyymmdd.sliced(6, 2).toInt());
    if (!parsed.isValid())
        return std::nullopt;
    return parsed;
}

std::optional<QDate> dateField(QByteArrayView block, Field where) {
    const std::optional<QString> text = field(block, where);
    return text ? date(*text) : std::nullopt;
}

// GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 not stated.
std::optional<QChar> sexField(QByteArrayView block, Field where) {
    const std::optional<QString> code = field(block, where);
    if (!code || code->size() != 1)
        return std::nullopt;
    switch (code->front().unicode()) {
    case u'0':
        return QChar();
    case u'1':
        return QChar(u'M');
    case u'2':
        return QChar(u'F');
    case u'9':
        return QChar(u'X');
    }
    return std::nullopt;
}

// Sets validFrom and validTo (a date, or 长期 for a long-term card).
bool readValidity(QByteArrayView block, Field from, Field to, IdentityDocument &document) {
    const std::optional<QDate> validFrom = dateField(block, from);
    const std::optional<QString> validTo = field(block, to);
    if (!validFrom || !validTo)
        return false;
    document.validFrom = *validFrom;
    if (*validTo == QStringView(layout::kLongTerm)) {
        document.longTermValidity = true;
        return true;
    }
    const std::optional<QDate> end = date(*validTo);
    if (!end)
        return false;
    document.validTo = *end;
    return true;
}

// Resident ID and HMT permit share everything the gate reads.
std::optional<IdentityDocument> residentLayout(QByteArrayView block, DocumentKind kind) {
    namespace at = layout::resident;
    IdentityDocument document;
    document.kind = kind;
    const std::optional<QString> name = field(block, at::name);
    const std::optional<QChar> sex = sexField(block, at::sex);
    const std::optional<QDate> birth = dateField(block, at::birth);
    const std::optional<QString> number = field(block, at::number);
    if (!name || name->isEmpty() || !sex || !birth || !number || number->isEmpty() ||
        !readValidity(block, at::validFrom, at::validTo, document))
        return std::nullopt;
    document.nameLocal = *name;
    document.sex = *sex;
    document.birth = *birth;
    document.number = *number;
    const bool hmtPrefix = number->startsWith(QLatin1String("81")) ||
                           number->startsWith(QLatin1String("82")) ||
                           number->startsWith(QLatin1String("83"));
    document.numberValid =
        isValidEighteenDigitNumber(*number) && (kind != DocumentKind::HmtPermit || hmtPrefix);
    return document;
}

std::optional<IdentityDocument> fpr2017Layout(QByteArrayView block) {
    namespace at = layout::fpr2017;
    IdentityDocument document;
    document.kind = DocumentKind::Fpr2017;
    const std::optional<QString> nameEn = field(block, at::nameEn);
    const std::optional<QString> nameZh = field(block, at::nameZh);
    const std::optional<QChar> sex = sexField(block, at::sex);
    const std::optional<QString> number = field(block, at::number);
    const std::optional<QString> nationality = field(block, at::nationality);
    const std::optional<QDate> birth = dateField(block, at::birth);
    if (!nameEn || nameEn->isEmpty() || !nameZh || !sex || !number || number->isEmpty() ||
        !nationality || nationality->size() != 3 || !birth ||
        !readValidity(block, at::validFrom, at::validTo, document))
        return std::nullopt;
    document.nameLatin = *nameEn;
    document.nameLocal = *nameZh;
    document.sex = *sex;
    document.number = *number;
    document.numberValid = isValidFpr2017Number(*number);
    document.nationality = *nationality;
    document.birth = *birth;
    return document;
}

// Three letters, or an ISO numeric code turned into its letters (which of the
// two the card carries is not confirmed). nullopt when it is neither.
std::optional<QString> fpr2023Nationality(const QString &code) {
    if (code.size() != 3)
        return std::nullopt;
    if (std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; }))
        return code;
    if (!std::all_of(code.begin(), code.end(), isDigit))
        return std::nullopt;
    const QString letters = alpha3FromIsoNumeric(code);
    return letters.isEmpty() ? code : letters;
}

std::optional<IdentityDocument> fpr2023Layout(QByteArrayView block) {
    namespace at = layout::fpr2023;
    IdentityDocument document;
    document.kind = DocumentKind::Fpr2023;
    const std::optional<QString> nameZh = field(block, at::nameZh);
    const std::optional<QString> nameEnFirst = rawField(block, at::nameEnFirst);
    const std::optional<QString> nameEnRest = rawField(block, at::nameEnRest);
    const std::optional<QChar> sex = sexField(block, at::sex);
    const std::optional<QDate> birth = dateField(block, at::birth);
    const std::optional<QString> number = field(block, at::number);
    const std::optional<QString> nationalityCode = field(block, at::nationality);
    const std::optional<QString> link = field(block, at::previousLink);
    if (!nameZh || !nameEnFirst || !nameEnRest || !sex || !birth || !number || number->isEmpty() ||
        !nationalityCode || !link || !readValidity(block, at::validFrom, at::validTo, document))
        return std::nullopt;
    const std::optional<QString> nationality = fpr2023Nationality(*nationalityCode);
    // Joined raw: a name whose 35th character is a space keeps that space.
    const QString nameEn = rightTrimmed(*nameEnFirst + *nameEnRest);
    if (!nationality || (nameEn.isEmpty() && nameZh->isEmpty()))
        return std::nullopt;
    document.nameLocal = *nameZh;
    document.nameLatin = nameEn;
    document.sex = *sex;
    document.birth = *birth;
    document.number = *number;
    document.numberValid = isValidEighteenDigitNumber(*number) && number->startsWith(u'9');
    document.nationality = *nationality;
    document.previousNumber = previousFpr2017Number(*nationality, *number, *link, *birth);
    return document;
}

} // namespace

std::optional<IdentityDocument> parseTextBlock(QByteArrayView block) {
    if (block.size() != layout::kTextBlockSize)
        return std::nullopt;
    switch (block[layout::cardType.offset]) {
    case layout::kFpr2017Type:
        return fpr2017Layout(block);
    case layout::kFpr2023Type:
        return fpr2023Layout(block);
    case layout::kHmtType:
        return residentLayout(block, DocumentKind::HmtPermit);
    default:
        return residentLayout(block, DocumentKind::ResidentId);
    }
}

} // namespace gate::idcard
