// PACE's reader side alone: EF.CardAccess's PACEInfos, and the generic
// mapping on brainpoolP256r1 step by step against ICAO Doc 9303 part 11's
// worked example (appendix G.1: the password key, the nonce, the mapped
// generator, the shared secret, the session keys and both tokens), with the
// example's private keys in place of random ones. The whole protocol against
// a chip runs in tst_emrtdchip.
#include "emrtd/cardaccess.h"
#include "emrtd/pace.h"
#include "emrtd/pacemapping.h"
#include "emrtd/smcipher.h"

#include <QtTest>

#include <openssl/obj_mac.h>

using namespace gate::emrtd;

namespace {

Bytes hex(const char *text) {
    const QByteArray bytes = QByteArray::fromHex(text);
    return Bytes(bytes.begin(), bytes.end());
}

// G.1's protocol, id-PACE-ECDH-GM-AES-CBC-CMAC-128, and its points.
const char *const kProtocol = "04007F00070202040202";
const char *const kChipMappingPoint =
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
    "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
const char *const kChipEphemeralPoint =
    "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
    "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";

} // namespace

class TestEmrtdPace : public QObject {
    Q_OBJECT

private slots:
    void cardAccessOfTheWorkedExample() {
        const auto pace = paceOfCardAccess(hex("31143012060A04007F0007020204020202010202010D"));
        QCOMPARE(pace.status, CardAccessPace::Status::Offered);
        QCOMPARE(pace.offer.protocol, hex(kProtocol));
        QVERIFY(pace.offer.cipher == SmCipher::Aes128);
        QCOMPARE(pace.offer.parameterId, 13);
        QCOMPARE(pace.offer.curveNid, NID_brainpoolP256r1);
    }

    void cardAccessVariants_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("parameterId");
        using S = CardAccessPace::Status;
        // SEQUENCE { OID id-PACE.<mapping>.<cipher>, version, parameterId }
        QTest::newRow("no PACEInfo: a Chip Authentication info alone")
            << QByteArray::fromHex("3114301206 0A 04007F00070202030201 020101 020101")
            << int(S::Absent) << 0;
        QTest::newRow("an empty set") << QByteArray::fromHex("3100") << int(S::Absent) << 0;
        QTest::newRow("DH generic mapping only")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040102 020102 020100")
            << int(S::NotSupported) << 0;
        QTest::newRow("integrated mapping only")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040402 020102 02010D")
            << int(S::NotSupported) << 0;
        QTest::newRow("proprietary parameters (no parameterId)")
            << QByteArray::fromHex("3111300F06 0A 04007F00070202040202 020102")
            << int(S::NotSupported) << 0;
        QTest::newRow("an unknown parameterId")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040202 020102 020113")
            << int(S::NotSupported) << 0;
        QTest::newRow("version 1")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040202 020101 02010D")
            << int(S::NotSupported) << 0;
        QTest::newRow("an unsupported one first, then AES-256 on P-256")
            << QByteArray::fromHex("3128 301206 0A 04007F00070202040402 020102 02010D"
                                   "301206 0A 04007F00070202040204 020102 02010C")
            << int(S::Offered) << 12;
        QTest::newRow("not a SET")
            << QByteArray::fromHex("3012060A04007F0007020204020202010202010D") << int(S::Malformed)
            << 0;
        QTest::newRow("truncated")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040202 020102 0201")
            << int(S::Malformed) << 0;
        QTest::newRow("a parameterId of two bytes")
            << QByteArray::fromHex("3115301306 0A 04007F00070202040202 020102 0202000D")
            << int(S::Malformed) << 0;
        QTest::newRow("a version that is no INTEGER")
            << QByteArray::fromHex("3114301206 0A 04007F00070202040202 040102 02010D")
            << int(S::Malformed) << 0;
        QTest::newRow("over the size limit")
            << (QByteArray::fromHex("318209F4") + QByteArray(0x9F4, '\0')) << int(S::Malformed)
            << 0;
    }

    void cardAccessVariants() {
        QFETCH(QByteArray, file);
        QFETCH(int, status);
        QFETCH(int, parameterId);
        const auto pace = paceOfCardAccess(Bytes(file.begin(), file.end()));
        QCOMPARE(int(pace.status), status);
        if (pace.status == CardAccessPace::Status::Offered) {
            QCOMPARE(pace.offer.parameterId, parameterId);
            QVERIFY(pace.offer.cipher == SmCipher::Aes256);
            QCOMPARE(pace.offer.curveNid, NID_X9_62_prime256v1);
        }
        if (pace.status == CardAccessPace::Status::Malformed)
            QVERIFY(!pace.error.empty());
    }

    void genericMappingOfTheWorkedExample() {
        // The password: document number T22000129, born 640812, expiring 101031.
        const Bytes passwordKey = pacePasswordKey(SmCipher::Aes128, "T22000129364081251010318");
        QCOMPARE(passwordKey, hex("89DED1B26624EC1E634C1989302849DD"));
        const Bytes nonce =
            decryptZeroIv(SmCipher::Aes128, passwordKey, hex("95A3A016522EE98D01E76CB6B98B42C3"));
        QCOMPARE(nonce, hex("3F00C4D39D153F2B2A214A078D899B22"));

        auto curve = PaceCurve::named(NID_brainpoolP256r1);
        QVERIFY(curve);
        const Bytes mappingKey =
            hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99");
        QCOMPARE(curve->publicPoint(mappingKey),
                 hex("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                     "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"));
        const auto h = curve->sharedPoint(mappingKey, hex(kChipMappingPoint));
        QVERIFY(h);
        QCOMPARE(*h, hex("0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
                         "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181"));
        QVERIFY(curve->mapGenerator(nonce, *h));
        QCOMPARE(curve->generator(),
                 hex("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
                     "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"));

        const Bytes ephemeralKey =
            hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595");
        const Bytes terminalPoint = curve->publicPoint(ephemeralKey);
        QCOMPARE(terminalPoint,
                 hex("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                     "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"));
        const auto secret = curve->sharedSecret(ephemeralKey, hex(kChipEphemeralPoint));
        QVERIFY(secret);
        QCOMPARE(*secret, hex("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925"));
        const Bytes macKey = deriveKey(SmCipher::Aes128, *secret, 2);
        QCOMPARE(deriveKey(SmCipher::Aes128, *secret, 1), hex("F5F0E35C0D7161EE6724EE513A0D9A7F"));
        QCOMPARE(macKey, hex("FE251C7858B356B24514B3BD5F4297D1"));
        QCOMPARE(paceToken(SmCipher::Aes128, macKey, hex(kProtocol), hex(kChipEphemeralPoint)),
                 hex("C2B0BD78D94BA866"));
        QCOMPARE(paceToken(SmCipher::Aes128, macKey, hex(kProtocol), terminalPoint),
                 hex("3ABB9674BCE93C08"));
    }

    void theExamplesAnswersAreRead() {
        // G.1's General Authenticate answers, as the chip sends them.
        QCOMPARE(authenticationDataObject(hex("7C12801095A3A016522EE98D01E76CB6B98B42C3"), 0x80),
                 std::optional<Bytes>(hex("95A3A016522EE98D01E76CB6B98B42C3")));
        QCOMPARE(authenticationDataObject(hex("7C0A86083ABB9674BCE93C08"), 0x86),
                 std::optional<Bytes>(hex("3ABB9674BCE93C08")));
        QVERIFY(!authenticationDataObject(hex("7C0A86083ABB9674BCE93C08"), 0x84));
        QVERIFY(!authenticationDataObject(hex("7D0A86083ABB9674BCE93C08"), 0x86));
        QVERIFY(!authenticationDataObject(hex("7C0B86083ABB9674BCE93C08"), 0x86));
    }

    void invalidPointsAreRefused_data() {
        QTest::addColumn<QByteArray>("point");
        QByteArray offCurve = QByteArray::fromHex(kChipMappingPoint);
        offCurve[64] = char(offCurve[64] ^ 0x01);
        QTest::newRow("off the curve") << offCurve;
        QTest::newRow("compressed")
            << QByteArray::fromHex(kChipMappingPoint).left(33).replace(0, 1, "\x02");
        QTest::newRow("too short") << QByteArray::fromHex(kChipMappingPoint).left(64);
        QTest::newRow("infinity") << QByteArray::fromHex("00");
        QTest::newRow("zeros") << (QByteArray("\x04", 1) + QByteArray(64, '\0'));
    }

    void invalidPointsAreRefused() {
        QFETCH(QByteArray, point);
        const Bytes bytes(point.begin(), point.end());
        auto curve = PaceCurve::named(NID_brainpoolP256r1);
        QVERIFY(curve);
        const Bytes key = curve->randomPrivateKey();
        QVERIFY(!curve->isValidPoint(bytes));
        QVERIFY(!curve->sharedPoint(key, bytes));
        QVERIFY(!curve->sharedSecret(key, bytes));
        const Bytes before = curve->generator();
        QVERIFY(!curve->mapGenerator(Bytes(16, 0x01), bytes));
        QCOMPARE(curve->generator(), before);
    }

    void randomKeysAgree() {
        // Both sides of one agreement on a mapped generator, with fresh keys.
        auto terminal = PaceCurve::named(NID_X9_62_prime256v1);
        auto chip = PaceCurve::named(NID_X9_62_prime256v1);
        QVERIFY(terminal && chip);
        const Bytes a = terminal->randomPrivateKey();
        const Bytes b = chip->randomPrivateKey();
        QVERIFY(a != b);
        const auto h = terminal->sharedPoint(a, chip->publicPoint(b));
        QCOMPARE(h, chip->sharedPoint(b, terminal->publicPoint(a)));
        QVERIFY(terminal->mapGenerator(Bytes(16, 0x5A), *h));
        QVERIFY(chip->mapGenerator(Bytes(16, 0x5A), *h));
        QCOMPARE(terminal->generator(), chip->generator());
        const Bytes c = terminal->randomPrivateKey();
        const Bytes d = chip->randomPrivateKey();
        QCOMPARE(terminal->sharedSecret(c, chip->publicPoint(d)),
                 chip->sharedSecret(d, terminal->publicPoint(c)));
    }
};

QTEST_GUILESS_MAIN(TestEmrtdPace)
#include "tst_emrtdpace.moc"
