// Card numbers, check digits and the 256-byte text block of the four card
// types, with every vector of reference/idcard-sam.md.
#include "core/credentials/holderkey.h"
#include "core/credentials/idcard/cardencoder.h"
#include "core/credentials/idcard/cardnumbers.h"
#include "core/credentials/idcard/idcardreading.h"
#include "core/credentials/idcard/nationalitycodes.h"
#include "core/credentials/idcard/textblock.h"
#include "core/credentials/idcard/textblocklayout.h"

#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace gate::idcard;
using gate::DocumentKind;
using gate::IdentityDocument;

class IdCardTextTest : public QObject {
    Q_OBJECT
private slots:
    void eighteenDigitNumbers_data();
    void eighteenDigitNumbers();
    void fpr2017Numbers_data();
    void fpr2017Numbers();
    void previousNumberOfA2023Card();
    void isoNumericNationalities();

    void residentCard();
    void residentCardLongTerm();
    void hmtPermit();
    void fpr2017Card();
    void fpr2023Card();
    void fpr2023EnglishNameKeepsTheSpaceAtTheJoin();
    void fpr2023NumericNationality();
    void cardTypeDecidesTheLayout();
    void sexCodes_data();
    void sexCodes();
    void unreadableText_data();
    void unreadableText();

    void credentialFromAnswer();
    void renewedCardYieldsBothIdentities();

    void descriptionJsonErrors_data();
    void descriptionJsonErrors();
};

namespace {

CardDescription fpr2023Pair() {
    CardDescription card;
    card.kind = DocumentKind::Fpr2023;
    card.nameZh = QStringLiteral("证件样本");
    card.nameEn = QStringLiteral("ZHENGJIAN YANGBEN");
    card.number = QStringLiteral("931586198001010028");
    card.sex = u'F';
    card.nationality = QStringLiteral("PAK");
    card.birth = QDate(1980, 1, 1);
    card.validFrom = QDate(2023, 12, 1);
    card.validTo = QDate(2033, 11, 30);
    card.renewalCount = QStringLiteral("01");
    card.previousLink = QStringLiteral("000");
    return card;
}

CardDescription resident() {
    CardDescription card;
    card.kind = DocumentKind::ResidentId;
    card.nameZh = QStringLiteral("测试甲");
    card.number = QStringLiteral("360426199101010071");
    card.sex = u'M';
    card.ethnicity = QStringLiteral("01");
    card.address = QStringLiteral("江西省九江市样本路88号");
    card.authority = QStringLiteral("九江市公安局");
    card.birth = QDate(1991, 1, 1);
    card.validFrom = QDate(2015, 1, 1);
    card.validTo = QDate(2035, 1, 1);
    return card;
}

QByteArray block(const CardDescription &card) {
    QString error;
    const std::optional<QByteArray> encoded = encodeTextBlock(card, &error);
    if (!encoded)
        qWarning() << error;
    return encoded.value_or(QByteArray());
}

QByteArray withField(QByteArray text, layout::Field field, QStringView value) {
    for (int i = 0; i < field.size / 2; ++i)
        qToLittleEndian<quint16>(i < value.size() ? value[i].unicode() : u' ',
                                 text.data() + field.offset + 2 * i);
    return text;
}

} // namespace

void IdCardTextTest::eighteenDigitNumbers_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    for (const char *valid :
         {"11010519491231002X", "360426199101010071", "120103198806018241", "830000199706020042",
          "932682198501010017", "911124198108030024", "931586198001010028"})
        QTest::newRow(valid) << QString::fromLatin1(valid) << true;
    for (const char *invalid :
         {"360426199101010072", "931012199012010012", "11010519491231002x", "1101051949123100",
          "11010519491231002XX", "A10105194912310020", ""})
        QTest::newRow(invalid) << QString::fromLatin1(invalid) << false;
}

void IdCardTextTest::eighteenDigitNumbers() {
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(isValidEighteenDigitNumber(number), valid);
}

void IdCardTextTest::fpr2017Numbers_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::newRow("KAZ") << QStringLiteral("KAZ110090123105") << true;
    QTest::newRow("PAK") << QStringLiteral("PAK310080010103") << true;
    QTest::newRow("wrong check") << QStringLiteral("PAK310080010104") << false;
    QTest::newRow("lower case") << QStringLiteral("pak310080010103") << false;
    QTest::newRow("letter in digits") << QStringLiteral("PAK3100800101O3") << false;
    QTest::newRow("short") << QStringLiteral("PAK31008001010") << false;
    QTest::newRow("18 digits") << QStringLiteral("931586198001010028") << false;
}

void IdCardTextTest::fpr2017Numbers() {
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(isValidFpr2017Number(number), valid);
}

void IdCardTextTest::previousNumberOfA2023Card() {
    QCOMPARE(previousFpr2017Number(u"PAK", u"931586198001010028", u"000", QDate(1980, 1, 1)),
             QStringLiteral("PAK310080010103"));
    QVERIFY(previousFpr2017Number(u"PAK", u"931586198001010028", u"", QDate(1980, 1, 1)).isEmpty());
    QVERIFY(
        previousFpr2017Number(u"586", u"931586198001010028", u"000", QDate(1980, 1, 1)).isEmpty());
    QVERIFY(
        previousFpr2017Number(u"PAK", u"931586198001010028", u"0A0", QDate(1980, 1, 1)).isEmpty());
    QCOMPARE(mod112CheckCharacter(u"11010519491231002"), QChar(u'X'));
    QVERIFY(mod112CheckCharacter(u"1101051949123100").isNull());
}

void IdCardTextTest::isoNumericNationalities() {
    QCOMPARE(alpha3FromIsoNumeric(u"586"), QStringLiteral("PAK"));
    QCOMPARE(alpha3FromIsoNumeric(u"004"), QStringLiteral("AFG"));
    QCOMPARE(alpha3FromIsoNumeric(u"894"), QStringLiteral("ZMB"));
    QCOMPARE(alpha3FromIsoNumeric(u"124"), QStringLiteral("CAN"));
    QVERIFY(alpha3FromIsoNumeric(u"999").isEmpty());
    QVERIFY(alpha3FromIsoNumeric(u"58").isEmpty());
}

void IdCardTextTest::residentCard() {
    const std::optional<IdentityDocument> doc = parseTextBlock(block(resident()));
    QVERIFY(doc);
    QCOMPARE(gate::toString(doc->kind), QStringLiteral("resident"));
    QCOMPARE(doc->number, QStringLiteral("360426199101010071"));
    QVERIFY(doc->numberValid);
    QCOMPARE(doc->nameLocal, QStringLiteral("测试甲"));
    QVERIFY(doc->nameLatin.isEmpty());
    QCOMPARE(doc->sex, QChar(u'M'));
    QCOMPARE(doc->birth, QDate(1991, 1, 1));
    QCOMPARE(doc->validFrom, QDate(2015, 1, 1));
    QCOMPARE(doc->validTo, QDate(2035, 1, 1));
    QVERIFY(!doc->longTermValidity);
    QVERIFY(doc->previousNumber.isEmpty());
}

void IdCardTextTest::residentCardLongTerm() {
    CardDescription card = resident();
    card.number = QStringLiteral("11010519491231002X");
    card.longTerm = true;
    const QByteArray text = block(card);
    // 长期 as UTF-16LE at offset 204
    QCOMPARE(text.sliced(204, 4).toHex(), QByteArray("7f951f67"));
    const std::optional<IdentityDocument> doc = parseTextBlock(text);
    QVERIFY(doc);
    QVERIFY(doc->longTermValidity);
    QVERIFY(!doc->validTo.isValid());
    QVERIFY(!doc->expiredOn(QDate(2199, 1, 1)));
    QVERIFY(doc->numberValid);
}

void IdCardTextTest::hmtPermit() {
    CardDescription card = resident();
    card.kind = DocumentKind::HmtPermit;
    card.ethnicity.clear();
    card.number = QStringLiteral("830000199706020042");
    card.passNumber = QStringLiteral("T12345678");
    card.issueCount = QStringLiteral("01");
    const QByteArray text = block(card);
    QCOMPARE(text[248], 'J');
    std::optional<IdentityDocument> doc = parseTextBlock(text);
    QVERIFY(doc);
    QCOMPARE(gate::toString(doc->kind), QStringLiteral("hmt"));
    QVERIFY(doc->numberValid);
    // A resident number is not an HMT permit number, whatever its check digit.
    doc = parseTextBlock(withField(text, layout::resident::number, u"360426199101010071"));
    QVERIFY(doc);
    QVERIFY(!doc->numberValid);
}

void IdCardTextTest::fpr2017Card() {
    CardDescription card;
    card.kind = DocumentKind::Fpr2017;
    card.nameEn = QStringLiteral("SPECIMEN KAZAKH NAME");
    card.number = QStringLiteral("KAZ110090123105");
    card.nationality = QStringLiteral("KAZ");
    card.sex = u'M';
    card.birth = QDate(1990, 12, 31);
    card.validFrom = QDate(2017, 5, 1);
    card.validTo = QDate(2027, 4, 30);
    const QByteArray text = block(card);
    QCOMPARE(text[248], 'I');
    const std::optional<IdentityDocument> doc = parseTextBlock(text);
    QVERIFY(doc);
    QCOMPARE(gate::toString(doc->kind), QStringLiteral("fpr2017"));
    QCOMPARE(doc->nameLatin, QStringLiteral("SPECIMEN KAZAKH NAME"));
    QVERIFY(doc->nameLocal.isEmpty());
    QCOMPARE(doc->nationality, QStringLiteral("KAZ"));
    QCOMPARE(doc->birth, QDate(1990, 12, 31));
    QVERIFY(doc->numberValid);
    QCOMPARE(doc->holderLanguage(), std::optional(gate::Language::Russian));
}

void IdCardTextTest::fpr2023Card() {
    const QByteArray text = block(fpr2023Pair());
    QCOMPARE(text[248], 'Y');
    const std::optional<IdentityDocument> doc = parseTextBlock(text);
    QVERIFY(doc);
    QCOMPARE(gate::toString(doc->kind), QStringLiteral("fpr2023"));
    QCOMPARE(doc->nameLocal, QStringLiteral("证件样本"));
    QCOMPARE(doc->nameLatin, QStringLiteral("ZHENGJIAN YANGBEN"));
    QCOMPARE(doc->number, QStringLiteral("931586198001010028"));
    QVERIFY(doc->numberValid);
    QCOMPARE(doc->nationality, QStringLiteral("PAK"));
    QCOMPARE(doc->sex, QChar(u'F'));
    QCOMPARE(doc->previousNumber, QStringLiteral("PAK310080010103"));
    QVERIFY(isValidFpr2017Number(doc->previousNumber));

    // Expired cards are read all the same: the decision denies them.
    CardDescription expired = fpr2023Pair();
    expired.validTo = QDate(2024, 1, 1);
    const std::optional<IdentityDocument> old = parseTextBlock(block(expired));
    QVERIFY(old);
    QVERIFY(old->expiredOn(QDate(2025, 1, 1)));
}

void IdCardTextTest::fpr2023EnglishNameKeepsTheSpaceAtTheJoin() {
    CardDescription card = fpr2023Pair();
    card.nameEn = QStringLiteral("SPECIMENNAME ALPHA BRAVO CHARLIEXY DELTAECHOFO");
    QCOMPARE(card.nameEn[34], u' ');
    const QByteArray text = block(card);
    // Part 1 ends with the space, part 2 starts with "DELTA".
    QCOMPARE(text.sliced(52 + 68, 2), QByteArray(" \0", 2));
    QCOMPARE(text.sliced(220, 2), QByteArray("D\0", 2));
    QCOMPARE(parseTextBlock(text)->nameLatin, card.nameEn);

    card.nameEn = QStringLiteral("A VERY SHORT NAME");
    QCOMPARE(parseTextBlock(block(card))->nameLatin, card.nameEn);
    card.nameEn = QString(47, u'N');
    QString error;
    QVERIFY(!encodeTextBlock(card, &error));
    QVERIFY2(error.startsWith(QLatin1String("name_en:")), qPrintable(error));
}

void IdCardTextTest::fpr2023NumericNationality() {
    CardDescription card = fpr2023Pair();
    card.nationality = QStringLiteral("586");
    std::optional<IdentityDocument> doc = parseTextBlock(block(card));
    QVERIFY(doc);
    QCOMPARE(doc->nationality, QStringLiteral("PAK"));
    QCOMPARE(doc->previousNumber, QStringLiteral("PAK310080010103"));
    // An unassigned code stays as it is, and no old number can be rebuilt.
    card.nationality = QStringLiteral("999");
    doc = parseTextBlock(block(card));
    QVERIFY(doc);
    QCOMPARE(doc->nationality, QStringLiteral("999"));
    QVERIFY(doc->previousNumber.isEmpty());
    card.nationality = QStringLiteral("P1K");
    QVERIFY(!parseTextBlock(block(card)));
}

void IdCardTextTest::cardTypeDecidesTheLayout() {
    // The 2023 card read as a resident ID would show its English name as the address;
    // with the type byte blanked it is parsed with the resident layout.
    QByteArray text = block(fpr2023Pair());
    text[248] = ' ';
    const std::optional<IdentityDocument> doc = parseTextBlock(text);
    QVERIFY(doc);
    QCOMPARE(gate::toString(doc->kind), QStringLiteral("resident"));
    QCOMPARE(doc->nameLocal, QStringLiteral("证件样本"));
    QVERIFY(doc->nameLatin.isEmpty());
    QCOMPARE(doc->number, QStringLiteral("931586198001010028"));
}

void IdCardTextTest::sexCodes_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("sex"); // empty: unknown; "bad": not readable
    QTest::newRow("0") << QStringLiteral("0") << QString();
    QTest::newRow("1") << QStringLiteral("1") << QStringLiteral("M");
    QTest::newRow("2") << QStringLiteral("2") << QStringLiteral("F");
    QTest::newRow("9") << QStringLiteral("9") << QStringLiteral("X");
    QTest::newRow("3") << QStringLiteral("3") << QStringLiteral("bad");
    QTest::newRow("blank") << QStringLiteral(" ") << QStringLiteral("bad");
    QTest::newRow("M") << QStringLiteral("M") << QStringLiteral("bad");
}

void IdCardTextTest::sexCodes() {
    QFETCH(QString, code);
    QFETCH(QString, sex);
    const std::optional<IdentityDocument> doc =
        parseTextBlock(withField(block(resident()), layout::resident::sex, code));
    if (sex == QLatin1String("bad")) {
        QVERIFY(!doc);
        return;
    }
    QVERIFY(doc);
    QCOMPARE(doc->sex.isNull() ? QString() : QString(doc->sex), sex);
}

void IdCardTextTest::unreadableText_data() {
    QTest::addColumn<QByteArray>("text");
    const QByteArray good = block(resident());
    QTest::newRow("255 bytes") << good.first(255);
    QTest::newRow("257 bytes") << good + ' ';
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank name") << withField(good, layout::resident::name, u"");
    QTest::newRow("control character") << withField(good, layout::resident::name, u"测\u0007");
    QTest::newRow("lone surrogate") << withField(good, layout::resident::name, u"\xD800z");
    QTest::newRow("30 February") << withField(good, layout::resident::birth, u"19910230");
    QTest::newRow("letters in date") << withField(good, layout::resident::validFrom, u"2015O101");
    QTest::newRow("short date") << withField(good, layout::resident::validTo, u"203501");
    QTest::newRow("no number") << withField(good, layout::resident::number, u"");
    QTest::newRow("all spaces") << QByteArray(256, ' ');
}

void IdCardTextTest::unreadableText() {
    QFETCH(QByteArray, text);
    QVERIFY(!parseTextBlock(text));
}

void IdCardTextTest::credentialFromAnswer() {
    QString error;
    const auto answer = encodeReadAnswer(resident(), gate::idcard::SamCommand::ReadText, &error);
    QVERIFY2(answer, qPrintable(error));
    gate::Credential credential = gate::credentialFromIdCardAnswer(*answer);
    QCOMPARE(credential.kind, gate::Credential::Kind::Document);
    QCOMPARE(credential.document->number, QStringLiteral("360426199101010071"));

    CardDescription wrongDigit = resident();
    wrongDigit.number = QStringLiteral("360426199101010072");
    credential = gate::credentialFromIdCardAnswer(
        *encodeReadAnswer(wrongDigit, gate::idcard::SamCommand::ReadTextFingerprint, &error));
    QCOMPARE(credential.kind, gate::Credential::Kind::Failure);
    QCOMPARE(credential.failure, std::optional(gate::Reason::CardNumberInvalid));

    QByteArray broken = *answer;
    broken[14 + 36] = '\x01'; // a control character in the birth date
    broken.back() = char(broken.back() ^ '\x01' ^ '1');
    QCOMPARE(readIdCardAnswer(broken).error->code(), QStringLiteral("bad_text"));
    QCOMPARE(gate::credentialFromIdCardAnswer(broken).failure,
             std::optional(gate::Reason::CardUnreadable));
}

void IdCardTextTest::renewedCardYieldsBothIdentities() {
    QString error;
    const auto answer = encodeReadAnswer(fpr2023Pair(), gate::idcard::SamCommand::ReadText, &error);
    const gate::Credential credential = gate::credentialFromIdCardAnswer(*answer);
    QCOMPARE(gate::canonicalIdentities(*credential.document),
             QStringList({QStringLiteral("FPR:931586198001010028"),
                          QStringLiteral("FPR:PAK310080010103")}));
}

void IdCardTextTest::descriptionJsonErrors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key");
    const QByteArray base =
        R"("number":"360426199101010071","birth":"1991-01-01","valid_from":"2015-01-01","valid_to":"2035-01-01")";
    QTest::newRow("unknown type") << R"({"type":"passport",)" + base + "}"
                                  << QStringLiteral("type");
    QTest::newRow("no type") << "{" + base + "}" << QStringLiteral("type");
    QTest::newRow("unknown key") << R"({"type":"resident","nmae_zh":"x",)" + base + "}"
                                 << QStringLiteral("nmae_zh");
    QTest::newRow("no number")
        << QByteArray(
               R"({"type":"resident","birth":"1991-01-01","valid_from":"2015-01-01","valid_to":"2035-01-01"})")
        << QStringLiteral("number");
    QTest::newRow("bad date") << R"({"type":"resident",)" +
                                     QByteArray(base).replace("1991-01-01", "1991-02-30") + "}"
                              << QStringLiteral("birth");
    QTest::newRow("bad valid_to") << R"({"type":"resident",)" +
                                         QByteArray(base).replace("2035-01-01", "forever") + "}"
                                  << QStringLiteral("valid_to");
    QTest::newRow("long name")
        << R"({"type":"resident","name_zh":"一二三四五六七八九十一二三四五六",)" + base + "}"
        << QStringLiteral("name_zh");
    QTest::newRow("name not text")
        << R"({"type":"resident","name_zh":5,)" + base + "}" << QStringLiteral("name_zh");
    QTest::newRow("sex") << R"({"type":"resident","sex":"Q",)" + base + "}"
                         << QStringLiteral("sex");
    QTest::newRow("fingerprint") << R"({"type":"resident","fingerprint":"yes",)" + base + "}"
                                 << QStringLiteral("fingerprint");
}

void IdCardTextTest::descriptionJsonErrors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QString error;
    QVERIFY(!cardDescriptionFromJson(object, &error));
    QVERIFY2(error.startsWith(key + QLatin1Char(':')), qPrintable(error));
}

QTEST_GUILESS_MAIN(IdCardTextTest)
#include "tst_idcardtext.moc"
