#include "core/credentials/idcard/cardencoder.h"

#include "core/credentials/idcard/textblocklayout.h"

#include <QtEndian>

namespace gate::idcard {

namespace {

using layout::Field;

constexpr int kPhotoSize = 1024;
constexpr int kFingerprintSize = 1024;
constexpr qsizetype kFpr2023NameEnFirstChars = layout::fpr2023::nameEnFirst.size / 2;
constexpr qsizetype kFpr2023NameEnChars =
    kFpr2023NameEnFirstChars + layout::fpr2023::nameEnRest.size / 2;

// Writes `text` into its place, padded with spaces; false with an error naming
// `key` when it is longer than the place.
class BlockWriter {
public:
    BlockWriter()
        : m_block(layout::kTextBlockSize, '\0') {
        for (int offset = 0; offset < layout::kTextBlockSize; offset += 2)
            m_block[offset] = ' ';
    }

    bool text(Field field, QStringView text, const char *key) {
        if (text.size() * 2 > field.size)
            return fail(QStringLiteral("%1: at most %2 characters")
                            .arg(QLatin1String(key))
                            .arg(field.size / 2));
        for (qsizetype i = 0; i < text.size(); ++i)
            qToLittleEndian<quint16>(text[i].unicode(), m_block.data() + field.offset + 2 * i);
        return true;
    }

    bool date(Field field, const QDate &date, const char *key) {
        if (!date.isValid())
            return fail(QStringLiteral("%1: a date is needed").arg(QLatin1String(key)));
        return text(field, date.toString(QStringLiteral("yyyyMMdd")), key);
    }

    bool sex(Field field, QChar sex) {
        switch (sex.unicode()) {
        case 0:
            return text(field, u"0", "sex");
        case u'M':
            return text(field, u"1", "sex");
        case u'F':
            return text(field, u"2", "sex");
        case u'X':
            return text(field, u"9", "sex");
        }
        return fail(QStringLiteral("sex: M, F, X or nothing"));
    }

    bool validTo(Field field, const CardDescription &card) {
        return card.longTerm ? text(field, layout::kLongTerm, "valid_to")
                             : date(field, card.validTo, "valid_to");
    }

    void cardType(char type) {
        m_block[layout::cardType.offset] = type;
        m_block[layout::cardType.offset + 1] = '\0';
    }

    const QByteArray &block() const { return m_block; }
    const QString &error() const { return m_error; }
    bool fail(QString error) {
        m_error = std::move(error);
        return false;
    }

private:
    QByteArray m_block;
    QString m_error;
};

bool writeResidentLayout(BlockWriter &out, const CardDescription &card) {
    namespace at = layout::resident;
    return out.text(at::name, card.nameZh, "name_zh") && out.sex(at::sex, card.sex) &&
           out.date(at::birth, card.birth, "birth") &&
           out.text(at::address, card.address, "address") &&
           out.text(at::number, card.number, "number") &&
           out.text(at::authority, card.authority, "authority") &&
           out.date(at::validFrom, card.validFrom, "valid_from") && out.validTo(at::validTo, card);
}

bool writeResident(BlockWriter &out, const CardDescription &card) {
    return writeResidentLayout(out, card) &&
           out.text(layout::resident::ethnicity, card.ethnicity, "ethnicity");
}

bool writeHmt(BlockWriter &out, const CardDescription &card) {
    out.cardType(layout::kHmtType);
    return writeResidentLayout(out, card) &&
           out.text(layout::hmt::passNumber, card.passNumber, "pass_number") &&
           out.text(layout::hmt::issueCount, card.issueCount, "issue_count");
}

bool writeFpr2017(BlockWriter &out, const CardDescription &card) {
    namespace at = layout::fpr2017;
    out.cardType(layout::kFpr2017Type);
    return out.text(at::nameEn, card.nameEn, "name_en") && out.sex(at::sex, card.sex) &&
           out.text(at::number, card.number, "number") &&
           out.text(at::nationality, card.nationality, "nationality") &&
           out.text(at::nameZh, card.nameZh, "name_zh") &&
           out.date(at::validFrom, card.validFrom, "valid_from") &&
           out.validTo(at::validTo, card) && out.date(at::birth, card.birth, "birth") &&
           out.text(at::cardVersion, card.cardVersion, "card_version") &&
           out.text(at::authorityCode, card.authorityCode, "authority_code");
}

bool writeFpr2023(BlockWriter &out, const CardDescription &card) {
    namespace at = layout::fpr2023;
    out.cardType(layout::kFpr2023Type);
    const QStringView nameEn(card.nameEn);
    if (nameEn.size() > kFpr2023NameEnChars)
        return out.fail(QStringLiteral("name_en: at most %1 characters").arg(kFpr2023NameEnChars));
    const QStringView nameEnFirst = nameEn.first(std::min(nameEn.size(), kFpr2023NameEnFirstChars));
    const QStringView nameEnRest = nameEn.sliced(nameEnFirst.size());
    return out.text(at::nameZh, card.nameZh, "name_zh") && out.sex(at::sex, card.sex) &&
           out.text(at::renewalCount, card.renewalCount, "renewal_count") &&
           out.date(at::birth, card.birth, "birth") &&
           out.text(at::nameEnFirst, nameEnFirst, "name_en") &&
           out.text(at::number, card.number, "number") &&
           out.date(at::validFrom, card.validFrom, "valid_from") &&
           out.validTo(at::validTo, card) && out.text(at::nameEnRest, nameEnRest, "name_en") &&
           out.text(at::nationality, card.nationality, "nationality") &&
           out.text(at::previousLink, card.previousLink, "previous_link");
}

void appendLength(QByteArray &data, int length) {
    data.append(char(length >> 8)).append(char(length & 0xFF));
}

// Recognisable filler of the photo's size: the real one is vendor-encoded (WLT).
QByteArray placeholderPhoto() {
    QByteArray photo(kPhotoSize, '\0');
    photo.replace(0, 3, "WLT");
    return photo;
}

} // namespace

std::optional<QByteArray> encodeTextBlock(const CardDescription &card, QString *error) {
    BlockWriter out;
    bool written = false;
    switch (card.kind) {
    case DocumentKind::ResidentId:
        written = writeResident(out, card);
        break;
    case DocumentKind::HmtPermit:
        written = writeHmt(out, card);
        break;
    case DocumentKind::Fpr2017:
        written = writeFpr2017(out, card);
        break;
    case DocumentKind::Fpr2023:
        written = writeFpr2023(out, card);
        break;
    case DocumentKind::Mrz:
        *error = QStringLiteral("type: not a card type");
        return std::nullopt;
    }
    if (!written) {
        *error = out.error();
        return std::nullopt;
    }
    return out.block();
}

std::optional<QByteArray> encodeReadAnswer(const CardDescription &card, SamCommand read,
                                           QString *error) {
    if (read != SamCommand::ReadText && read != SamCommand::ReadTextFingerprint) {
        *error = QStringLiteral("not a read command");
        return std::nullopt;
    }
    const std::optional<QByteArray> text = encodeTextBlock(card, error);
    if (!text)
        return std::nullopt;
    QByteArray data;
    appendLength(data, int(text->size()));
    appendLength(data, kPhotoSize);
    if (read == SamCommand::ReadTextFingerprint)
        appendLength(data, card.hasFingerprint ? kFingerprintSize : 0);
    data.append(*text).append(placeholderPhoto());
    if (read == SamCommand::ReadTextFingerprint)
        data.append(QByteArray(kFingerprintSize, card.hasFingerprint ? '\x46' : '\0'));
    return responseFrame(status::Ok, data);
}

} // namespace gate::idcard
