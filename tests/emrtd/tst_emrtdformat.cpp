// The eMRTD library alone: ICAO 9303 part 11's worked examples for BAC keys
// and secure messaging (appendix D), and the TLV/LDS parsers' limits.
#include "emrtd/bac.h"
#include "emrtd/des3.h"
#include "emrtd/lds.h"
#include "emrtd/securemessaging.h"
#include "emrtd/tlv.h"

#include <QtTest>

using namespace gate::emrtd;

namespace {

Bytes hex(const char *text) {
    const QByteArray bytes = QByteArray::fromHex(text);
    return Bytes(bytes.begin(), bytes.end());
}

// ICAO prints DES keys with their parity bits set; DES ignores them.
Bytes withoutParity(Bytes key) {
    for (auto &byte : key)
        byte &= 0xFE;
    return key;
}

} // namespace

class TestEmrtdFormat : public QObject {
    Q_OBJECT

private slots:
    void bacKeysFromTheWorkedExample() {
        // Doc 9303 part 11, D.2: number L898902C<, birth 690806, expiry 940623.
        const auto information =
            bacKeyInformation({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                               "L898902C<3UTO6908061F9406236ZE184226B<<<<<14"});
        QVERIFY(information);
        QCOMPARE(*information, std::string("L898902C<369080619406236"));
        Bytes seed = sha1(bytesOf(*information));
        seed.resize(16);
        QCOMPARE(seed, hex("239AB9CB282DAF66231DC5A4DF6BFBAE"));
        QCOMPARE(withoutParity(deriveKey(seed, 1)),
                 withoutParity(hex("AB94FDECF2674FDFB9B391F85D7F76F2")));
        QCOMPARE(withoutParity(deriveKey(seed, 2)),
                 withoutParity(hex("7962D9ECE03D1ACD4C76089DCE131543")));
    }

    void retailMacOfTheWorkedExample() {
        // D.3: EXTERNAL AUTHENTICATE's cryptogram and its MAC.
        const Bytes encrypted =
            hex("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
        QCOMPARE(retailMac(hex("7962D9ECE03D1ACD4C76089DCE131543"), encrypted),
                 hex("5F1448EEA8AD90A7"));
    }

    void secureMessagingOfTheWorkedExample() {
        // D.4: SELECT EF.COM under the session keys, and the chip's answer.
        SecureMessaging session(hex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                                hex("F1CB1F1FB5ADF208806B89DC579DC1F8"), hex("887022120C06C226"));
        const Bytes command = session.wrap({0x00, 0xA4, 0x02, 0x0C, {0x01, 0x1E}, 0, false}, false);
        QCOMPARE(command, hex("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"));
        std::string error;
        const auto answer = session.unwrap({hex("990290008E08FA855A5D4C50A8ED"), 0x9000}, &error);
        QVERIFY2(answer, error.c_str());
        QCOMPARE(answer->sw, std::uint16_t(0x9000));
        // Replayed, the same answer fails: the send sequence counter moved on.
        QVERIFY(!session.unwrap({hex("990290008E08FA855A5D4C50A8ED"), 0x9000}, &error));
    }

    void tlvLimits_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated value") << QByteArray::fromHex("61 05 01 02");
        QTest::newRow("indefinite length") << QByteArray::fromHex("61 80 00 00");
        QTest::newRow("four length bytes") << QByteArray::fromHex("61 84 00 00 00 01 00");
        QTest::newRow("four tag bytes") << QByteArray::fromHex("7f ff ff 01 00");
        QTest::newRow("length past the end") << QByteArray::fromHex("75 82 ff ff 00");
        QTest::newRow("trailing bytes") << QByteArray::fromHex("61 01 00 00");
    }

    void tlvLimits() {
        QFETCH(QByteArray, bytes);
        const Bytes data(bytes.begin(), bytes.end());
        QVERIFY(!parseSingleTlv(data));
    }

    void tlvRoundTrip() {
        const Bytes value(300, 0xAB);
        const Bytes encoded = encodeTlv(0x5F2E, value);
        const auto parsed = parseSingleTlv(encoded);
        QVERIFY(parsed);
        QCOMPARE(parsed->tag, std::uint32_t(0x5F2E));
        QCOMPARE(parsed->value.size(), value.size());
        QCOMPARE(announcedTlvSize(ByteView(encoded).first(5)),
                 std::optional<std::size_t>(encoded.size()));
    }

    void tooManyChildrenAreRefused() {
        Bytes list;
        for (std::size_t i = 0; i <= kMaxTlvChildren; ++i)
            list.insert(list.end(), {0x04, 0x00});
        QVERIFY(!parseTlvList(list));
        list.resize(list.size() - 2);
        QVERIFY(parseTlvList(list));
    }

    void dg1() {
        const std::string mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                                "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
        const Bytes file = encodeTlv(0x61, encodeTlv(0x5F1F, bytesOf(mrz)));
        const auto lines = parseDg1(file);
        QVERIFY(lines);
        QCOMPARE(lines->size(), std::size_t(2));
        QCOMPARE(lines->at(1), mrz.substr(44));
        Bytes lowercase = file;
        lowercase[10] = 'a';
        QVERIFY(!parseDg1(lowercase));
        QVERIFY(!parseDg1(encodeTlv(0x61, encodeTlv(0x5F1F, bytesOf(mrz.substr(1))))));
    }

    void securityObjectRefusesDuplicatesAndOddGroups() {
        const Bytes algorithm = encodeTlv(0x30, encodeTlv(0x06, hex("608648016503040201")));
        auto entry = [](std::uint8_t group) {
            return encodeTlv(
                0x30, concat({encodeTlv(0x02, Bytes{group}), encodeTlv(0x04, Bytes(32, 1))}));
        };
        auto object = [&](Bytes entries) {
            return encodeTlv(
                0x30, concat({encodeTlv(0x02, Bytes{0}), algorithm, encodeTlv(0x30, entries)}));
        };
        QVERIFY(parseSecurityObject(object(concat({entry(1), entry(2)}))));
        QVERIFY(!parseSecurityObject(object(concat({entry(1), entry(1)}))));
        QVERIFY(!parseSecurityObject(object(entry(17))));
        QVERIFY(!parseSecurityObject(object(entry(0))));
    }
};

QTEST_GUILESS_MAIN(TestEmrtdFormat)
#include "tst_emrtdformat.moc"
