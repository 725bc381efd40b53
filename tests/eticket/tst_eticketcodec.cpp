// The pieces under the verifier: Base45, the strict CBOR reader, the trust
// list parser, the issuer round trip and the credential the core receives.

#include "code_issue.h"
#include "testcodes.h"

#include "core/credentials/eticket/base45.h"
#include "core/credentials/eticket/cborreader.h"
#include "core/credentials/eticket/ticketcredential.h"
#include "core/credentials/eticket/verifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gate::eticket;
using gate::issuer::SigningKey;

namespace {

constexpr qint64 now = 1763700000;

QByteArray trustListFor(const std::vector<std::pair<SigningKey, QString>> &keys) {
    QJsonArray entries;
    for (const auto &[key, status] : keys) {
        const QByteArray pub = key.rawPublicKey();
        entries.append(QJsonObject{
            {QStringLiteral("kid"), QString::fromLatin1(keyIdOf(pub).toBase64())},
            {QStringLiteral("alg"), key.algorithm() == SigningKey::Algorithm::Ed25519
                                        ? QStringLiteral("EdDSA")
                                        : QStringLiteral("ES256")},
            {QStringLiteral("pub"), QString::fromLatin1(pub.toBase64())},
            {QStringLiteral("iss"), QStringLiteral("CR")},
            {QStringLiteral("nbf"), now - 86400},
            {QStringLiteral("exp"), now + 86400},
            {QStringLiteral("status"), status},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("gate-keys/1")},
                                     {QStringLiteral("keys"), entries}})
        .toJson();
}

} // namespace

class TestEticketCodec : public QObject {
    Q_OBJECT
private slots:
    void base45Rfc9285_data();
    void base45Rfc9285();
    void base45Refusals_data();
    void base45Refusals();
    void cborLimits_data();
    void cborLimits();
    void trustListRefusals_data();
    void trustListRefusals();
    void issueAndVerify_data();
    void issueAndVerify();
    void credentialFromCode();
};

void TestEticketCodec::base45Rfc9285_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("AB") << QByteArray("AB") << QStringLiteral("BB8");
    QTest::newRow("Hello!!") << QByteArray("Hello!!") << QStringLiteral("%69 VD92EX0");
    QTest::newRow("base-45") << QByteArray("base-45") << QStringLiteral("UJCLQE7W581");
    QTest::newRow("ietf!") << QByteArray("ietf!") << QStringLiteral("QED8WEX0");
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestEticketCodec::base45Rfc9285() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(encodeBase45(bytes), text);
    QCOMPARE(decodeBase45(text, 1024).value_or("mismatch"), bytes);
}

void TestEticketCodec::base45Refusals_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("length 3n+1") << QStringLiteral("BB8A");
    QTest::newRow("lower case") << QStringLiteral("bb8");
    QTest::newRow("triple above 65535") << QStringLiteral("GGW");
    QTest::newRow("pair above 255") << QStringLiteral("::");
    QTest::newRow("non-ASCII") << QStringLiteral("BB\u00e9");
    QTest::newRow("over the limit") << QString(1539, QLatin1Char('0'));
}

void TestEticketCodec::base45Refusals() {
    QFETCH(QString, text);
    QVERIFY(!decodeBase45(text, 1024));
}

void TestEticketCodec::cborLimits_data() {
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("uint") << QByteArray("1903e8") << true;
    QTest::newRow("nested 4") << QByteArray("81818181"
                                            "00")
                              << true;
    QTest::newRow("nested 5") << QByteArray("8181818181"
                                            "00")
                              << false;
    QTest::newRow("tag counts as a level") << QByteArray("d2818181"
                                                         "81"
                                                         "00")
                                           << false;
    QTest::newRow("indefinite bytes") << QByteArray("5f4101ff") << false;
    QTest::newRow("break alone") << QByteArray("ff") << false;
    QTest::newRow("huge text length") << QByteArray("7bffffffffffffffff") << false;
    QTest::newRow("huge map count") << QByteArray("bbffffffffffffffff") << false;
    QTest::newRow("two int keys") << QByteArray("a2010203"
                                                "04")
                                  << true;
    QTest::newRow("duplicate int keys") << QByteArray("a201020103") << false;
    QTest::newRow("duplicate text keys") << QByteArray("a2616101616102") << false;
    QTest::newRow("1 and -1 differ") << QByteArray("a201002000") << true;
    QTest::newRow("array key") << QByteArray("a1800001") << false;
    QTest::newRow("truncated head") << QByteArray("19") << false;
    QTest::newRow("two items") << QByteArray("0000") << false;
    QTest::newRow("float and simple") << QByteArray("82f93c00f5") << true;
    QTest::newRow("bad simple") << QByteArray("f810") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestEticketCodec::cborLimits() {
    QFETCH(QByteArray, hex);
    QFETCH(bool, accepted);
    QString error;
    QCOMPARE(parseCbor(QByteArray::fromHex(hex), &error).has_value(), accepted);
    QCOMPARE(error.isEmpty(), accepted);
}

void TestEticketCodec::trustListRefusals_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    const SigningKey key = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    const QByteArray good = trustListFor({{key, QStringLiteral("active")}});
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not a JSON object");
    QTest::newRow("format") << QByteArray(good).replace("gate-keys/1", "gate-keys/2")
                            << QStringLiteral("format");
    QTest::newRow("status") << QByteArray(good).replace("\"active\"", "\"paused\"")
                            << QStringLiteral("keys[0]: \"status\"");
    QTest::newRow("alg") << QByteArray(good).replace("\"EdDSA\"", "\"RS256\"")
                         << QStringLiteral("keys[0]: \"alg\"");
    QTest::newRow("pub for other alg")
        << QByteArray(good).replace("\"EdDSA\"", "\"ES256\"") << QStringLiteral("keys[0]: \"pub\"");
    QTest::newRow("window") << QByteArray(good).replace(QByteArray::number(now - 86400),
                                                        QByteArray::number(now + 90000))
                            << QStringLiteral("\"nbf\"");
    QTest::newRow("too big") << QByteArray(TrustList::maxJsonBytes + 1, ' ')
                             << QStringLiteral("larger than");
}

void TestEticketCodec::trustListRefusals() {
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!TrustList::parse(json, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestEticketCodec::issueAndVerify_data() {
    QTest::addColumn<int>("algorithm");
    QTest::newRow("EdDSA") << int(SigningKey::Algorithm::Ed25519);
    QTest::newRow("ES256") << int(SigningKey::Algorithm::P256);
}

void TestEticketCodec::issueAndVerify() {
    QFETCH(int, algorithm);
    const SigningKey key = SigningKey::generate(SigningKey::Algorithm(algorithm));
    const auto trust = TrustList::parse(trustListFor({{key, QStringLiteral("active")}}), nullptr);
    QVERIFY(trust);
    const gate::TicketClaims claims = gate::testing::typicalTicketClaims(now - 60);
    const QString text = gate::issuer::issueTicketCode(claims, key);
    // Even with every optional claim a code fits QR version 10 at level M
    // (311 alphanumeric characters).
    QVERIFY2(text.size() <= 311, qPrintable(QString::number(text.size())));
    const Verification result = verify(text, *trust, now);
    QCOMPARE(toString(result.outcome), QStringLiteral("valid"));
    QCOMPARE(result.kid, keyIdOf(key.rawPublicKey()));
    QCOMPARE(result.alg, algorithm == int(SigningKey::Algorithm::Ed25519)
                             ? QStringLiteral("EdDSA")
                             : QStringLiteral("ES256"));
    QVERIFY(result.claims);
    QCOMPARE(*result.claims, claims);
    // A smaller skew turns the same code away when the clocks disagree.
    QCOMPARE(toString(verify(text, *trust, now - 120, 30).outcome),
             QStringLiteral("not_yet_valid"));
}

void TestEticketCodec::credentialFromCode() {
    const SigningKey key = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    const auto trust = TrustList::parse(trustListFor({{key, QStringLiteral("revoked")}}), nullptr);
    const auto active = TrustList::parse(trustListFor({{key, QStringLiteral("active")}}), nullptr);
    QVERIFY(trust && active);
    const gate::TicketClaims claims = gate::testing::typicalTicketClaims(now - 60);
    const QString text = gate::issuer::issueTicketCode(claims, key);

    const gate::Credential valid = gate::credentialFromTicketCode(text, *active, now);
    QCOMPARE(valid.kind, gate::Credential::Kind::ETicket);
    QCOMPARE(valid.ticket.value_or(gate::TicketClaims{}), claims);

    const gate::Credential revoked = gate::credentialFromTicketCode(text, *trust, now);
    QCOMPARE(revoked.kind, gate::Credential::Kind::Failure);
    QCOMPARE(revoked.failure, std::optional(gate::Reason::TicketKeyRevoked));
    QVERIFY(!revoked.ticket);

    const gate::Credential expired = gate::credentialFromTicketCode(text, *active, now + 2 * 86400);
    QCOMPARE(expired.failure, std::optional(gate::Reason::TicketExpired));
    QCOMPARE(gate::credentialFromTicketCode(QStringLiteral("hello"), *active, now).failure,
             std::optional(gate::Reason::TicketMalformed));
}

QTEST_GUILESS_MAIN(TestEticketCodec)
#include "tst_eticketcodec.moc"
