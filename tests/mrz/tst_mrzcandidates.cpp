// The camera's candidate readings of a zone it could not tell 0 from O in
// (plugins/camera/mrzcandidates): every reading differing only in 0/O that
// passes all checks, and none when there are too many for a chip to try.
// QTest first: moc cannot parse <compare> from the C++ library before Qt's
// own headers set it up.
#include <QTest>

#include "plugins/camera/mrzcandidates.h"
#include "vision/mrz/mrzcompose.h"
#include "vision/mrz/mrzparser.h"

using gate::camera::zeroOrLetterOReadings;

namespace {

const gate::mrz::CivilDate kToday{2026, 12, 6};

std::vector<std::string> passport(const std::string &number) {
    const auto lines = gate::mrz::composeTd3({.issuer = "UTO",
                                              .name = "CHIP<<DEMO",
                                              .number = number,
                                              .nationality = "UTO",
                                              .birth = "880808",
                                              .sex = 'F',
                                              .expiry = "301206",
                                              .optional = {}});
    return {lines[0], lines[1]};
}

bool contains(const std::vector<std::vector<std::string>> &readings,
              const std::vector<std::string> &lines) {
    for (const auto &reading : readings) {
        if (reading == lines)
            return true;
    }
    return false;
}

} // namespace

class MrzCandidatesTest : public QObject {
    Q_OBJECT

private slots:
    void everyReadingPassesEveryCheck() {
        const std::vector<std::string> truth = passport("C00D2O417");
        const auto readings = zeroOrLetterOReadings(truth, kToday, 3);
        // Two 0/O swaps whose changes cancel in the check digit.
        QCOMPARE(readings.size(), std::size_t(2));
        QVERIFY(contains(readings, truth));
        QVERIFY(contains(readings, passport("C0OD20417")));
        for (const auto &reading : readings)
            QVERIFY(gate::mrz::parseMrz(reading, kToday).valid);
    }

    // The reader chose a wrong reading that passes the check digit: the true
    // one is among the candidates all the same.
    void theTrueReadingIsFoundFromAWrongOne() {
        const std::vector<std::string> truth = passport("C00D2O417");
        const auto readings = zeroOrLetterOReadings(truth, kToday, 3);
        for (const auto &misread : readings)
            QVERIFY(contains(zeroOrLetterOReadings(misread, kToday, 3), truth));
    }

    void readingsThatFailTheirCheckDigitAreLeftOut() {
        // One 0 only: O there changes the number's check digit.
        const std::vector<std::string> truth = passport("CXXD1X0X7");
        const auto readings = zeroOrLetterOReadings(truth, kToday, 3);
        QCOMPARE(readings.size(), std::size_t(1));
        QCOMPARE(readings.front(), truth);
    }

    void tooManyReadingsGiveNone() {
        // Six 0/O cells: thirteen readings pass the check digit.
        const std::vector<std::string> truth = passport("C00D0O007");
        QCOMPARE(zeroOrLetterOReadings(truth, kToday, 64).size(), std::size_t(13));
        QVERIFY(zeroOrLetterOReadings(truth, kToday, 3).empty());
    }

    void aNumberWithout0OrOGivesNone() {
        QVERIFY(zeroOrLetterOReadings(passport("CXXD1X2X7"), kToday, 3).empty());
        QVERIFY(zeroOrLetterOReadings({"not", "a zone"}, kToday, 3).empty());
    }
};

QTEST_APPLESS_MAIN(MrzCandidatesTest)
#include "tst_mrzcandidates.moc"
