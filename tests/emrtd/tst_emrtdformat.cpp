// The eMRTD library alone: ICAO 9303 part 11's worked examples for BAC keys
// and secure messaging (appendix D), the TLV/LDS parsers' limits, Active
// Authentication's ISO/IEC 9796-2 recovery against signatures made here, and
// Chip Authentication's DG14 infos and keys against the chip's side of the
// agreement computed here with OpenSSL.
#include "emrtd/activeauth.h"
#include "emrtd/bac.h"
#include "emrtd/chipauth.h"
#include "emrtd/lds.h"
#include "emrtd/opensslptr.h"
#include "emrtd/securemessaging.h"
#include "emrtd/smcipher.h"
#include "emrtd/tlv.h"

#include <QtTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

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

using KeyPtr = OpensslPtr<EVP_PKEY, EVP_PKEY_free>;

Bytes subjectPublicKeyInfo(EVP_PKEY *key) {
    Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key, nullptr)));
    unsigned char *cursor = der.data();
    i2d_PUBKEY(key, &cursor);
    return der;
}

// DG14 around SecurityInfos, each the concatenation of its fields.
Bytes dg14Of(std::initializer_list<Bytes> infos) {
    Bytes set;
    for (const Bytes &info : infos) {
        const Bytes sequence = encodeTlv(0x30, info);
        set.insert(set.end(), sequence.begin(), sequence.end());
    }
    return encodeTlv(0x6E, encodeTlv(0x31, set));
}

Bytes randomBytes(std::size_t size) {
    Bytes bytes(size);
    RAND_bytes(bytes.data(), static_cast<int>(size));
    return bytes;
}

Bytes digest(const char *hash, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_get_digestbyname(hash), nullptr);
    out.resize(size);
    return out;
}

// An RSA key made for the test: the chip's side of Active Authentication,
// signing a representative with the raw private operation.
class ChipRsaKey {
public:
    ChipRsaKey()
        : key_(EVP_RSA_gen(1024)) {}

    Bytes subjectPublicKeyInfo() const {
        Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key_.get(), nullptr)));
        unsigned char *cursor = der.data();
        i2d_PUBKEY(key_.get(), &cursor);
        return der;
    }

    // 6A || M1 || H(M1 || challenge) || trailer, with `header` in place of 6A.
    Bytes representative(ByteView m1, ByteView challenge, const char *hash, Bytes trailer,
                         std::uint8_t header = 0x6A) const {
        return concat({Bytes{header}, m1, digest(hash, concat({m1, challenge})), trailer});
    }

    Bytes sign(ByteView representative) const {
        const OpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free> context(
            EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
        Bytes signature(128);
        std::size_t size = signature.size();
        if (!context || EVP_PKEY_sign_init(context.get()) != 1 ||
            EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING) != 1 ||
            EVP_PKEY_sign(context.get(), signature.data(), &size, representative.data(),
                          representative.size()) != 1)
            return {};
        signature.resize(size);
        return signature;
    }

    // n - s: the other signature ISO/IEC 9796-2 lets a signer send.
    Bytes complement(ByteView signature) const {
        BIGNUM *modulus = nullptr;
        EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_RSA_N, &modulus);
        const OpensslPtr<BIGNUM, BN_free> n(modulus);
        const OpensslPtr<BIGNUM, BN_free> s(
            BN_bin2bn(signature.data(), static_cast<int>(signature.size()), nullptr));
        BN_sub(s.get(), n.get(), s.get());
        Bytes out(signature.size());
        BN_bn2binpad(s.get(), out.data(), static_cast<int>(out.size()));
        return out;
    }

private:
    OpensslPtr<EVP_PKEY, EVP_PKEY_free> key_;
};

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
        QCOMPARE(withoutParity(deriveKey(SmCipher::TripleDes, seed, 1)),
                 withoutParity(hex("AB94FDECF2674FDFB9B391F85D7F76F2")));
        QCOMPARE(withoutParity(deriveKey(SmCipher::TripleDes, seed, 2)),
                 withoutParity(hex("7962D9ECE03D1ACD4C76089DCE131543")));
    }

    void retailMacOfTheWorkedExample() {
        // D.3: EXTERNAL AUTHENTICATE's cryptogram and its MAC.
        const Bytes encrypted =
            hex("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
        QCOMPARE(
            messageMac(SmCipher::TripleDes, hex("7962D9ECE03D1ACD4C76089DCE131543"), encrypted),
            hex("5F1448EEA8AD90A7"));
    }

    void secureMessagingOfTheWorkedExample() {
        // D.4: SELECT EF.COM under the session keys, and the chip's answer.
        SecureMessaging session(SmCipher::TripleDes, hex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
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

    void iso9796RecoveryOfAVectorMadeHere_data() {
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QByteArray>("trailer");
        QTest::newRow("sha-1, BC") << QStringLiteral("SHA1") << QByteArray::fromHex("bc");
        QTest::newRow("sha-224, 38CC") << QStringLiteral("SHA224") << QByteArray::fromHex("38cc");
        QTest::newRow("sha-256, 34CC") << QStringLiteral("SHA256") << QByteArray::fromHex("34cc");
        QTest::newRow("sha-384, 36CC") << QStringLiteral("SHA384") << QByteArray::fromHex("36cc");
        QTest::newRow("sha-512, 35CC") << QStringLiteral("SHA512") << QByteArray::fromHex("35cc");
    }

    void iso9796RecoveryOfAVectorMadeHere() {
        QFETCH(QString, hash);
        QFETCH(QByteArray, trailer);
        const QByteArray hashName = hash.toLatin1();
        const ChipRsaKey chip;
        const Bytes challenge = randomBytes(8);
        const std::size_t digestSize = digest(hashName.constData(), challenge).size();
        const Bytes m1 = randomBytes(128 - 1 - digestSize - trailer.size());
        const Bytes representative = chip.representative(m1, challenge, hashName.constData(),
                                                         Bytes(trailer.begin(), trailer.end()));
        QCOMPARE(representative.size(), std::size_t(128));

        const auto parsed = parseIso9796Representative(representative);
        QVERIFY(parsed);
        QCOMPARE(parsed->hash, hash.toStdString());
        QCOMPARE(parsed->recovered, m1);
        QCOMPARE(parsed->digest, digest(hashName.constData(), concat({m1, challenge})));

        std::string error;
        const auto key = ActiveAuthKey::fromPublicKey(chip.subjectPublicKeyInfo(), {}, &error);
        QVERIFY2(key, error.c_str());
        QCOMPARE(key->signatureSize(), std::size_t(128));
        const Bytes signature = chip.sign(representative);
        QCOMPARE(signature.size(), std::size_t(128));
        std::string why;
        QVERIFY2(key->verifies(challenge, signature, &why), why.c_str());
        QVERIFY2(key->verifies(challenge, chip.complement(signature), &why), why.c_str());
        // Another challenge: the recovered digest is not its.
        Bytes otherChallenge = challenge;
        otherChallenge[0] ^= 1;
        QVERIFY(!key->verifies(otherChallenge, signature, &why));
        QCOMPARE(why, std::string("the recovered digest is not the challenge's"));
    }

    void iso9796RefusesBadHeadersTrailersAndLengths() {
        const ChipRsaKey chip;
        const Bytes challenge = randomBytes(8);
        const Bytes m1 = randomBytes(128 - 22);
        std::string error, why;
        const auto key = ActiveAuthKey::fromPublicKey(chip.subjectPublicKeyInfo(), {}, &error);
        QVERIFY2(key, error.c_str());
        // Header 4A: a representative without message recovery.
        QVERIFY(!key->verifies(
            challenge, chip.sign(chip.representative(m1, challenge, "SHA1", {0xBC}, 0x4A)), &why));
        QCOMPARE(why, std::string("the recovered message has no ISO/IEC 9796-2 header or trailer"));
        // Trailer 31CC names RIPEMD-160, which Doc 9303 does not list.
        QVERIFY(!parseIso9796Representative(
            chip.representative(Bytes(m1.begin() + 1, m1.end()), challenge, "SHA1", {0x31, 0xCC})));
        // Too short to hold its digest.
        QVERIFY(!parseIso9796Representative(hex("6a0102bc")));
        QVERIFY(!parseIso9796Representative({}));
        const Bytes signature = chip.sign(chip.representative(m1, challenge, "SHA1", {0xBC}));
        QVERIFY(key->verifies(challenge, signature, &why));
        QVERIFY(!key->verifies(challenge, ByteView(signature).first(127), &why));
        QCOMPARE(why, std::string("the answer is not one signature long"));
        QVERIFY(!key->verifies(challenge, concat({signature, Bytes{0}}), &why));
        // A "signature" above the modulus.
        QVERIFY(!key->verifies(challenge, Bytes(128, 0xFF), &why));
    }

    void activeAuthenticationInfoOfDg14() {
        // id-icao-mrtd-security-aaProtocolObject, version 1, ecdsa-plain-SHA256 (as
        // make_passport.py writes it)
        const auto dg14 = [](const char *algorithm) {
            return encodeTlv(
                0x6E, encodeTlv(0x31, encodeTlv(0x30, concat({hex("0606678108010105"),
                                                              hex("020101"), hex(algorithm)}))));
        };
        bool malformed = true;
        QCOMPARE(activeAuthHashOfDg14(dg14("060a04007f00070101040103"), &malformed),
                 std::optional<std::string>("SHA256"));
        QVERIFY(!malformed);
        QCOMPARE(activeAuthHashOfDg14(dg14("060a04007f00070101040105"), &malformed),
                 std::optional<std::string>("SHA512"));
        // ecdsa-plain with an index outside SHA-1..SHA-512.
        QVERIFY(!activeAuthHashOfDg14(dg14("060a04007f00070101040106"), &malformed));
        QVERIFY(malformed);
        // A DG14 with Chip Authentication only: no hash, and nothing wrong.
        const Bytes chipAuthOnly =
            encodeTlv(0x6E, encodeTlv(0x31, encodeTlv(0x30, concat({hex("060a04007f00070202030201"),
                                                                    hex("020101")}))));
        QVERIFY(!activeAuthHashOfDg14(chipAuthOnly, &malformed));
        QVERIFY(!malformed);
        QVERIFY(!activeAuthHashOfDg14(hex("6e0131"), &malformed));
        QVERIFY(malformed);
    }

    void chipAuthenticationInfosOfDg14() {
        const KeyPtr key(EVP_EC_gen("P-256"));
        const Bytes spki = subjectPublicKeyInfo(key.get());
        const Bytes caEcdh3Des = hex("060a04007f00070202030201");
        const Bytes pkEcdh = hex("060904007f000702020102");
        const Bytes version1 = hex("020101");
        const Bytes keyId1 = hex("020101");
        const Bytes keyId2 = hex("020102");

        // As make_passport.py writes it, after an ActiveAuthenticationInfo:
        // one parser reads both.
        const Bytes both = dg14Of(
            {concat({hex("0606678108010105"), hex("020101"), hex("060a04007f00070101040103")}),
             concat({caEcdh3Des, version1, keyId1}), concat({pkEcdh, spki, keyId1})});
        auto found = chipAuthOfDg14(both);
        QCOMPARE(int(found.status), int(ChipAuthOfDg14::Status::Supported));
        QVERIFY(EVP_PKEY_eq(found.key.get(), key.get()) == 1);
        QCOMPARE(found.keyId, Bytes{0x01});
        bool malformed = true;
        QCOMPARE(activeAuthHashOfDg14(both, &malformed), std::optional<std::string>("SHA256"));

        // The key whose identifier the protocol names, among two.
        const KeyPtr other(EVP_EC_gen("P-256"));
        found = chipAuthOfDg14(
            dg14Of({concat({pkEcdh, subjectPublicKeyInfo(other.get()), keyId1}),
                    concat({caEcdh3Des, version1, keyId2}), concat({pkEcdh, spki, keyId2})}));
        QCOMPARE(int(found.status), int(ChipAuthOfDg14::Status::Supported));
        QVERIFY(EVP_PKEY_eq(found.key.get(), key.get()) == 1);
        QCOMPARE(found.keyId, Bytes{0x02});

        // The public key info alone: 3DES, as in Chip Authentication's first edition.
        found = chipAuthOfDg14(dg14Of({concat({pkEcdh, spki})}));
        QCOMPARE(int(found.status), int(ChipAuthOfDg14::Status::Supported));
        QVERIFY(found.keyId.empty());

        // No Chip Authentication info at all.
        QCOMPARE(int(chipAuthOfDg14(dg14Of({concat({hex("0606678108010105"), hex("020101"),
                                                    hex("060a04007f00070101040103")})}))
                         .status),
                 int(ChipAuthOfDg14::Status::Absent));

        // The DH variants are not run.
        QCOMPARE(int(chipAuthOfDg14(dg14Of({concat({hex("060a04007f00070202030101"), version1}),
                                            concat({pkEcdh, spki})}))
                         .status),
                 int(ChipAuthOfDg14::Status::NotSupported));
        // AES: the first ECDH protocol in the file's order names the cipher.
        found = chipAuthOfDg14(dg14Of({concat({hex("060a04007f00070202030101"), version1}),
                                       concat({hex("060a04007f00070202030204"), version1}),
                                       concat({caEcdh3Des, version1}), concat({pkEcdh, spki})}));
        QCOMPARE(int(found.status), int(ChipAuthOfDg14::Status::Supported));
        QVERIFY(found.cipher == SmCipher::Aes256);
        QCOMPARE(found.protocol, hex("04007f00070202030204"));
        QCOMPARE(
            int(chipAuthOfDg14(dg14Of({concat({hex("060904007f000702020101"), spki})})).status),
            int(ChipAuthOfDg14::Status::NotSupported));

        const auto isMalformed = [](const Bytes &dg14) {
            return chipAuthOfDg14(dg14).status == ChipAuthOfDg14::Status::Malformed;
        };
        // Version 2, a key identifier of five bytes, an identifier no key carries.
        QVERIFY(isMalformed(dg14Of({concat({caEcdh3Des, hex("020102")}), concat({pkEcdh, spki})})));
        QVERIFY(isMalformed(dg14Of(
            {concat({caEcdh3Des, version1, hex("02050102030405")}), concat({pkEcdh, spki})})));
        QVERIFY(isMalformed(
            dg14Of({concat({caEcdh3Des, version1, keyId2}), concat({pkEcdh, spki, keyId1})})));
        // Two keys and no identifier to choose.
        QVERIFY(isMalformed(dg14Of({concat({caEcdh3Des, version1}), concat({pkEcdh, spki}),
                                    concat({pkEcdh, subjectPublicKeyInfo(other.get())})})));
        // An RSA key, and bytes that are no key.
        const KeyPtr rsa(EVP_RSA_gen(1024));
        QVERIFY(isMalformed(dg14Of({concat({pkEcdh, subjectPublicKeyInfo(rsa.get())})})));
        QVERIFY(isMalformed(dg14Of({concat({pkEcdh, hex("3003020100")})})));
        // A SecurityInfo without its required data, and no DG14 at all.
        QVERIFY(isMalformed(dg14Of({pkEcdh})));
        QVERIFY(isMalformed(hex("6e0131")));
    }

    void chipAuthenticationKeysAgreeWithTheChips_data() {
        QTest::addColumn<QString>("curve");
        QTest::addColumn<bool>("explicitParameters");
        QTest::addColumn<int>("pointSize");
        QTest::addColumn<int>("cipher");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<int>("keySize");
        const int des = int(SmCipher::TripleDes);
        QTest::newRow("P-256") << QStringLiteral("P-256") << false << 65 << des << "SHA1" << 16;
        QTest::newRow("brainpoolP256r1")
            << QStringLiteral("brainpoolP256r1") << false << 65 << des << "SHA1" << 16;
        // As many passports write their key: the curve's parameters spelt out.
        QTest::newRow("brainpoolP256r1, explicit parameters")
            << QStringLiteral("brainpoolP256r1") << true << 65 << des << "SHA1" << 16;
        QTest::newRow("P-521") << QStringLiteral("P-521") << false << 133 << des << "SHA1" << 16;
        QTest::newRow("P-256, AES-128")
            << QStringLiteral("P-256") << false << 65 << int(SmCipher::Aes128) << "SHA1" << 16;
        QTest::newRow("P-256, AES-256")
            << QStringLiteral("P-256") << false << 65 << int(SmCipher::Aes256) << "SHA256" << 32;
    }

    // DG14's key as the reader reads it, the reader's half of the agreement,
    // and the chip's side computed here: its private key with the point
    // sent, then the KDF of part 11, 9.7.1 over the secret.
    void chipAuthenticationKeysAgreeWithTheChips() {
        QFETCH(QString, curve);
        QFETCH(bool, explicitParameters);
        QFETCH(int, pointSize);
        QFETCH(int, cipher);
        QFETCH(QString, hash);
        QFETCH(int, keySize);
        const KeyPtr chip(EVP_EC_gen(curve.toLatin1().constData()));
        if (explicitParameters)
            QVERIFY(EVP_PKEY_set_utf8_string_param(chip.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                                   OSSL_PKEY_EC_ENCODING_EXPLICIT) == 1);
        const Bytes spki = subjectPublicKeyInfo(chip.get());
        // A named curve's SubjectPublicKeyInfo is 91 bytes; spelt out, the parameters take more.
        QCOMPARE(spki.size() > 91 + 100, explicitParameters);
        const ChipAuthOfDg14 found =
            chipAuthOfDg14(dg14Of({concat({hex("060904007f000702020102"), spki})}));
        QCOMPARE(int(found.status), int(ChipAuthOfDg14::Status::Supported));
        const auto keys = agreeChipAuthKeys(found.key.get(), SmCipher(cipher));
        QVERIFY(keys);
        QCOMPARE(int(keys->ephemeralPoint.size()), pointSize);
        QCOMPARE(keys->ephemeralPoint[0], std::uint8_t(0x04));

        const KeyPtr sent(EVP_PKEY_new());
        QVERIFY(EVP_PKEY_copy_parameters(sent.get(), chip.get()) == 1);
        QVERIFY(EVP_PKEY_set1_encoded_public_key(sent.get(), keys->ephemeralPoint.data(),
                                                 keys->ephemeralPoint.size()) == 1);
        const OpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free> context(
            EVP_PKEY_CTX_new(chip.get(), nullptr));
        std::size_t size = 0;
        QVERIFY(EVP_PKEY_derive_init(context.get()) == 1);
        QVERIFY(EVP_PKEY_derive_set_peer(context.get(), sent.get()) == 1);
        QVERIFY(EVP_PKEY_derive(context.get(), nullptr, &size) == 1);
        Bytes secret(size);
        QVERIFY(EVP_PKEY_derive(context.get(), secret.data(), &size) == 1);
        QCOMPARE(int(size), (pointSize - 1) / 2); // the x-coordinate
        const QByteArray hashName = hash.toLatin1();
        Bytes enc = digest(hashName.constData(), concat({secret, hex("00000001")}));
        Bytes mac = digest(hashName.constData(), concat({secret, hex("00000002")}));
        enc.resize(std::size_t(keySize));
        mac.resize(std::size_t(keySize));
        QCOMPARE(keys->encKey, enc);
        QCOMPARE(keys->macKey, mac);
        // A fresh ephemeral key each time.
        QVERIFY(agreeChipAuthKeys(found.key.get(), SmCipher(cipher))->ephemeralPoint !=
                keys->ephemeralPoint);
    }

    void activeAuthKeysOutsideTheRulesAreRefused() {
        std::string error;
        // An EC key without DG14's ActiveAuthenticationInfo: Doc 9303 requires it.
        const OpensslPtr<EVP_PKEY, EVP_PKEY_free> ec(EVP_EC_gen("P-256"));
        Bytes der(static_cast<std::size_t>(i2d_PUBKEY(ec.get(), nullptr)));
        unsigned char *cursor = der.data();
        i2d_PUBKEY(ec.get(), &cursor);
        QVERIFY(!ActiveAuthKey::fromPublicKey(der, {}, &error));
        QCOMPARE(error,
                 std::string("an ECDSA key in DG15 without DG14's ActiveAuthenticationInfo"));
        const auto withHash = ActiveAuthKey::fromPublicKey(der, "SHA256", &error);
        QVERIFY(withHash);
        QCOMPARE(withHash->signatureSize(), std::size_t(64));
        // An RSA key below 1024 bits.
        const OpensslPtr<EVP_PKEY, EVP_PKEY_free> small(EVP_RSA_gen(512));
        der.assign(static_cast<std::size_t>(i2d_PUBKEY(small.get(), nullptr)), 0);
        cursor = der.data();
        i2d_PUBKEY(small.get(), &cursor);
        QVERIFY(!ActiveAuthKey::fromPublicKey(der, {}, &error));
        // Bytes that are no key, and a key followed by more bytes.
        QVERIFY(!ActiveAuthKey::fromPublicKey(hex("3003020100"), {}, &error));
        der.push_back(0);
        QVERIFY(!ActiveAuthKey::fromPublicKey(der, {}, &error));
    }
};

QTEST_GUILESS_MAIN(TestEmrtdFormat)
#include "tst_emrtdformat.moc"
