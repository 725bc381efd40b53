// MRZ text rules: specimens, ICAO's check-digit examples, the format rules that
// catch what check digits miss, century inference, check-digit correction and
// the passport credential built from the lines.
#include "core/credentials/holderkey.h"
#include "core/credentials/mrz/mrzcredential.h"
#include "specimens.h"
#include "vision/mrz/checkdigit.h"
#include "vision/mrz/mrzcorrector.h"
#include "vision/mrz/mrzparser.h"

#include <QTest>

using namespace gate;
using namespace gate::mrz;

namespace {

constexpr CivilDate kToday{2026, 11, 21};

using Lines = std::vector<std::string>;

bool failed(const MrzParseResult &result, const std::string &check) {
    return std::find(result.failedChecks.begin(), result.failedChecks.end(), check) !=
           result.failedChecks.end();
}

// Rewrites every check digit of a TD3 zone, so a test can break a format rule
// while all check digits still hold.
Lines withTd3CheckDigits(Lines lines) {
    std::string &data = lines[1];
    const auto digit = [](std::string_view field) { return char('0' + checkDigit(field)); };
    data[9] = digit(data.substr(0, 9));
    data[19] = digit(data.substr(13, 6));
    data[27] = digit(data.substr(21, 6));
    data[42] = digit(data.substr(28, 14));
    data[43] = digit(data.substr(0, 10) + data.substr(13, 7) + data.substr(21, 22));
    return lines;
}

const Lines kTd3 = mrztest::icaoSpecimens().front().lines;

// Costs a perfect classifier would give for `lines`: 1 for the printed
// character, 6 for every other.
std::vector<std::vector<CellCosts>> confidentCosts(const Lines &lines) {
    std::vector<std::vector<CellCosts>> costs;
    for (const std::string &line : lines) {
        std::vector<CellCosts> row;
        for (const char c : line) {
            CellCosts cell;
            cell.fill(6);
            cell[kAlphabet.find(c)] = 1;
            row.push_back(cell);
        }
        costs.push_back(row);
    }
    return costs;
}

} // namespace

class TestMrzText : public QObject {
    Q_OBJECT

private slots:
    void icaoCheckDigitExamples() {
        QCOMPARE(checkDigit("520727"), 3);
        QCOMPARE(checkDigit("AB2134<<<"), 5);
        QCOMPARE(checkDigit("a"), -1);
    }

    void specimens_data() {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected"); // number|issuer|surname|given|birth|expiry|optional
        const QStringList expected = {
            "L898902C3|UTO|ERIKSSON|ANNA MARIA|1974-08-12|2012-04-15|ZE184226B",
            "C01X0006H|D|MUSTERMANN|ERIKA|1964-08-12|2017-10-31|",
            "D23145890|UTO|ERIKSSON|ANNA MARIA|1974-08-12|2012-04-15|",
            "D23145890|UTO|ERIKSSON|ANNA MARIA|1974-08-12|2012-04-15|",
            "D23145890734|UTO|STEVENSON|PETER JOHN|1934-07-12|1995-07-12|",
            "L8988901C|UTO|ERIKSSON|ANNA MARIA|1974-08-12|1996-12-10|6ZE184226B",
            "L8988901C|UTO|ERIKSSON|ANNA MARIA|1974-08-12|1996-12-10|",
        };
        const QStringList formats = {"TD3", "TD3", "TD2", "TD1", "TD1", "MRV-A", "MRV-B"};
        int i = 0;
        for (const auto &specimen : mrztest::icaoSpecimens()) {
            QStringList lines;
            for (const auto &line : specimen.lines)
                lines << QString::fromStdString(line);
            QTest::newRow(specimen.name) << lines << formats[i] << expected[i];
            ++i;
        }
    }
    void specimens() {
        QFETCH(QStringList, lines);
        QFETCH(QString, format);
        QFETCH(QString, expected);
        Lines text;
        for (const QString &line : lines)
            text.push_back(line.toStdString());
        const MrzParseResult result = parseMrz(text, kToday);
        QVERIFY2(result.valid, result.failedChecks.empty() ? "" : result.failedChecks[0].c_str());
        QCOMPARE(QString::fromLatin1(formatName(*result.format).data()), format);
        const MrzDocument &d = result.document;
        const QString got = QString::fromStdString(d.number + "|" + d.issuer + "|" + d.surname +
                                                   "|" + d.givenNames + "|" + d.birth + "|" +
                                                   d.expiry + "|" + d.optional);
        QCOMPARE(got, expected);
    }

    // Rules that catch substitutions check digits cannot see.
    void formatRules_data() {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("check");
        QTest::newRow("filler inside number") << 1 << 3 << "<"
                                              << "number_format";
        QTest::newRow("number starts with filler") << 1 << 0 << "<"
                                                   << "number_format";
        QTest::newRow("30 February") << 1 << 15 << "0230"
                                     << "birth_date";
        QTest::newRow("month 13") << 1 << 23 << "13"
                                  << "expiry_date";
        QTest::newRow("sex K") << 1 << 20 << "K"
                               << "sex";
        QTest::newRow("unknown issuer") << 0 << 2 << "ZZZ"
                                        << "issuer";
        QTest::newRow("unknown nationality") << 1 << 10 << "UT0"
                                             << "nationality";
        QTest::newRow("digit in name") << 0 << 6 << "8"
                                       << "name";
        QTest::newRow("not a passport code") << 0 << 0 << "X"
                                             << "document_code";
    }
    void formatRules() {
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, check);
        Lines lines = kTd3;
        lines[line].replace(column, text.size(), text.toStdString());
        const MrzParseResult result = parseMrz(withTd3CheckDigits(lines), kToday);
        QVERIFY(!result.valid);
        QVERIFY2(failed(result, check.toStdString()), qPrintable(check));
    }

    void checkDigitsFail() {
        Lines lines = kTd3;
        lines[1][0] = 'M'; // number changed, check digit not
        const MrzParseResult result = parseMrz(lines, kToday);
        QVERIFY(!result.valid);
        QVERIFY(failed(result, "number_check"));
        QVERIFY(failed(result, "composite_check"));
    }

    void blankOptionalDataDigitMayBeFillerOrZero() {
        Lines lines = mrztest::icaoSpecimens()[1].lines; // Germany: optional blank, CD '<'
        QVERIFY(parseMrz(lines, kToday).valid);
        lines[1][42] = '0';
        QVERIFY(parseMrz(lines, kToday).valid);
        lines[1][42] = '1';
        QVERIFY(!parseMrz(lines, kToday).valid);
    }

    void centuries() {
        QCOMPARE(mrzDate("740812", DateRole::Birth, kToday)->iso(), std::string("1974-08-12"));
        QCOMPARE(mrzDate("251231", DateRole::Birth, kToday)->iso(), std::string("2025-12-31"));
        QCOMPARE(mrzDate("261231", DateRole::Birth, kToday)->iso(), std::string("1926-12-31"));
        QCOMPARE(mrzDate("461231", DateRole::Expiry, kToday)->iso(), std::string("2046-12-31"));
        QCOMPARE(mrzDate("471231", DateRole::Expiry, kToday)->iso(), std::string("1947-12-31"));
        QCOMPARE(mrzDate("000229", DateRole::Birth, kToday)->iso(), std::string("2000-02-29"));
        QVERIFY(!mrzDate("010229", DateRole::Birth, kToday));
        QVERIFY(!mrzDate("0102", DateRole::Birth, kToday));
        QVERIFY(!mrzDate("01O229", DateRole::Birth, kToday));
    }

    void hostileText_data() {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("check");
        QTest::newRow("none") << QStringList() << "layout";
        QTest::newRow("one line") << QStringList{QString(44, '<')} << "layout";
        QTest::newRow("four lines") << QStringList(4, QString(30, '<')) << "layout";
        QTest::newRow("too long") << QStringList(2, QString(45, '<')) << "layout";
        QTest::newRow("huge") << QStringList(2, QString(1 << 20, 'A')) << "layout";
        QTest::newRow("uneven") << QStringList{QString(44, '<'), QString(36, '<')} << "layout";
        QTest::newRow("lower case") << QStringList{"p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<",
                                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}
                                    << "charset";
        QTest::newRow("all fillers") << QStringList(2, QString(44, '<')) << "document_code";
    }
    void hostileText() {
        QFETCH(QStringList, lines);
        QFETCH(QString, check);
        Lines text;
        for (const QString &line : lines)
            text.push_back(line.toStdString());
        const MrzParseResult result = parseMrz(text, kToday);
        QVERIFY(!result.valid);
        QVERIFY2(failed(result, check.toStdString()), qPrintable(check));
    }

    void correctionFixesAMisreadWithTheCheckDigit() {
        auto costs = confidentCosts(kTd3);
        // '9' of the number misread as '3' ('3' slightly likelier).
        costs[1][3][kAlphabet.find('3')] = 0.9f;
        costs[1][3][kAlphabet.find('9')] = 1.6f;
        const CorrectedZone zone = correctZone(Format::TD3, costs, kToday);
        QVERIFY(zone.valid);
        QCOMPARE(zone.lines, kTd3);
        QCOMPARE(zone.edits, 1);
    }

    void correctionRestrictsPositionsToTheirAlphabet() {
        auto costs = confidentCosts(kTd3);
        // 'O' is likelier than '0' in the birth date, where only digits stand.
        costs[1][16][kAlphabet.find('O')] = 0.5f;
        const CorrectedZone zone = correctZone(Format::TD3, costs, kToday);
        QVERIFY(zone.valid);
        QCOMPARE(zone.lines, kTd3);
    }

    void checkDigitBlindAlternativeIsAmbiguous() {
        const Lines germany = mrztest::icaoSpecimens()[1].lines;
        auto costs = confidentCosts(germany);
        // '1' of C01X0006H against 'L' (21): same check digit, nearly as likely.
        costs[1][2][kAlphabet.find('L')] = 1.1f;
        const CorrectedZone zone = correctZone(Format::TD3, costs, kToday);
        QVERIFY(!zone.valid);
        QVERIFY(zone.ambiguous);
    }

    void unsureNameLetterIsAmbiguous() {
        auto costs = confidentCosts(kTd3);
        costs[0][7][kAlphabet.find('B')] = 1.2f; // ERIKSSON: 'I' or 'B'
        const CorrectedZone zone = correctZone(Format::TD3, costs, kToday);
        QVERIFY(!zone.valid);
    }

    void poorlyMatchedCellIsNotTrusted() {
        auto costs = confidentCosts(kTd3);
        costs[0][10][kAlphabet.find('S')] = 9; // best, yet far from any glyph
        const CorrectedZone zone = correctZone(Format::TD3, costs, kToday);
        QVERIFY(!zone.valid);
    }

    void correctionRefusesWrongShape() {
        QVERIFY(!correctZone(Format::TD3, confidentCosts({kTd3[0]}), kToday).valid);
        QVERIFY(!correctZone(Format::TD1, confidentCosts(kTd3), kToday).valid);
    }

    void passportCredential() {
        const QStringList lines = {QString::fromStdString(kTd3[0]),
                                   QString::fromStdString(kTd3[1])};
        const Credential credential = credentialFromMrzLines(lines, QDate(2026, 11, 21));
        QVERIFY(credential.kind == Credential::Kind::Document);
        const IdentityDocument &document = *credential.document;
        QVERIFY(document.kind == DocumentKind::Mrz);
        QCOMPARE(document.number, QStringLiteral("L898902C3"));
        QVERIFY(document.numberValid);
        QCOMPARE(document.issuer, QStringLiteral("UTO"));
        QCOMPARE(document.documentCode, QStringLiteral("P"));
        QCOMPARE(document.nameLatin, QStringLiteral("ERIKSSON ANNA MARIA"));
        QCOMPARE(document.nationality, QStringLiteral("UTO"));
        QCOMPARE(document.sex, QChar('F'));
        QCOMPARE(document.birth, QDate(1974, 8, 12));
        QCOMPARE(document.validTo, QDate(2012, 4, 15));
        QVERIFY(document.expiredOn(QDate(2026, 11, 21)));
        QCOMPARE(canonicalIdentities(document), QStringList{"PP:UTO:L898902C3"});
    }

    void germanPassportIssuerIsD() {
        const auto &germany = mrztest::icaoSpecimens()[1].lines;
        const Credential credential = credentialFromMrzLines(
            {QString::fromStdString(germany[0]), QString::fromStdString(germany[1])},
            QDate(2026, 11, 21));
        QVERIFY(credential.kind == Credential::Kind::Document);
        QCOMPARE(credential.document->issuer, QStringLiteral("D"));
        QCOMPARE(canonicalIdentities(*credential.document), QStringList{"PP:D:C01X0006H"});
    }

    void invalidLinesFail() {
        QStringList lines = {QString::fromStdString(kTd3[0]), QString::fromStdString(kTd3[1])};
        lines[1][0] = QLatin1Char('M');
        QCOMPARE(credentialFromMrzLines(lines, QDate(2026, 11, 21)).failure,
                 std::optional(gate::Reason::MrzInvalid));
        QCOMPARE(credentialFromMrzLines({}, QDate(2026, 11, 21)).failure,
                 std::optional(gate::Reason::MrzInvalid));
        QCOMPARE(credentialFromMrzLines(QStringList(2, QString(100000, 'A')), QDate(2026, 11, 21))
                     .failure,
                 std::optional(gate::Reason::MrzInvalid));
    }
};

QTEST_GUILESS_MAIN(TestMrzText)
#include "tst_mrztext.moc"
