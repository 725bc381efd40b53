#include "core/clock.h"
#include "core/service/pinhash.h"
#include "core/service/pinverifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::ManualClock;
using gate::service::LockoutPolicy;
using gate::service::LockoutStore;
using gate::service::PinVerifier;

namespace {

// The lowest count a configuration may hold: the quickest the test can be.
constexpr int kTestIterations = gate::service::kMinPinIterations;
constexpr qint64 kStart = 1'700'000'000;

} // namespace

class TestPinVerifier : public QObject {
    Q_OBJECT

private slots:
    void hashHasTheDocumentedFormat() {
        const QString encoded = PinVerifier::hash(QStringLiteral("246813"));
        QVERIFY(encoded.startsWith(QStringLiteral("pbkdf2-sha256$100000$")));
        const auto parsed = gate::service::parsePinHash(encoded);
        QVERIFY(parsed);
        QCOMPARE(parsed->iterations, gate::service::kDefaultPinIterations);
        QCOMPARE(parsed->salt.size(), gate::service::kPinSaltBytes);
        QCOMPARE(parsed->hash.size(), gate::service::kPinHashBytes);
        QCOMPARE(gate::service::formatPinHash(*parsed), encoded);
    }

    void hashUsesAFreshSaltEachTime() {
        QVERIFY(PinVerifier::hash(QStringLiteral("246813"), kTestIterations) !=
                PinVerifier::hash(QStringLiteral("246813"), kTestIterations));
    }

    void derivationMatchesAnIndependentPbkdf2() {
        // Python: hashlib.pbkdf2_hmac('sha256', b'1234', b'saltsalt', 1000)
        const QByteArray expected =
            QByteArray::fromBase64("5H+PyfD+NrL3f3614/3BySuQSLtJDQtIzZAv5KnpEKU=");
        QCOMPARE(gate::service::derivePinKey(u"1234", "saltsalt", 1000), expected);

        // Python: hashlib.pbkdf2_hmac('sha256', b'123456', b'saltsalt', 100000)
        ManualClock clock(kStart);
        PinVerifier verifier(clock);
        QVERIFY(verifier
                    .setStaff({{QStringLiteral("7"),
                                QStringLiteral("pbkdf2-sha256$100000$c2FsdHNhbHQ=$"
                                               "ZoM+kriH2tFfAa3ufsCl2y2KdEyuDup4DfLAwcoRqjs=")}})
                    .isEmpty());
        QCOMPARE(verifier.verify(QStringLiteral("7"), QStringLiteral("123456")).result,
                 PinVerifier::Result::Accepted);
    }

    void hashRefusesPinsTheKeypadCannotType_data() {
        QTest::addColumn<QString>("pin");
        QTest::newRow("too short") << QStringLiteral("123");
        QTest::newRow("four digits") << QStringLiteral("2468");
        QTest::newRow("five digits") << QStringLiteral("24681");
        QTest::newRow("too long") << QStringLiteral("1234567890123");
        QTest::newRow("letters") << QStringLiteral("12a456");
        QTest::newRow("full-width digits") << QStringLiteral("１２３４５６");
        QTest::newRow("empty") << QString();
    }
    void hashRefusesPinsTheKeypadCannotType() {
        QFETCH(QString, pin);
        QVERIFY(PinVerifier::hash(pin, kTestIterations).isEmpty());
    }

    void malformedHashesAreLeftOutWithAReason_data() {
        QTest::addColumn<QString>("encoded");
        const QString salt = QStringLiteral("c2FsdHNhbHQ=");
        const QString hash = QStringLiteral("5H+PyfD+NrL3f3614/3BySuQSLtJDQtIzZAv5KnpEKU=");
        QTest::newRow("other scheme") << QStringLiteral("pbkdf2-sha1$100000$%1$%2").arg(salt, hash);
        QTest::newRow("iterations below 100000")
            << QStringLiteral("pbkdf2-sha256$99999$%1$%2").arg(salt, hash);
        QTest::newRow("three fields") << QStringLiteral("pbkdf2-sha256$100000$%1").arg(salt);
        QTest::newRow("five fields")
            << QStringLiteral("pbkdf2-sha256$100000$%1$%2$x").arg(salt, hash);
        QTest::newRow("iterations zero") << QStringLiteral("pbkdf2-sha256$0$%1$%2").arg(salt, hash);
        QTest::newRow("iterations huge")
            << QStringLiteral("pbkdf2-sha256$2147483647$%1$%2").arg(salt, hash);
        QTest::newRow("iterations not a number")
            << QStringLiteral("pbkdf2-sha256$lots$%1$%2").arg(salt, hash);
        QTest::newRow("salt too short")
            << QStringLiteral("pbkdf2-sha256$100000$c2FsdA==$%1").arg(hash);
        QTest::newRow("salt not base64")
            << QStringLiteral("pbkdf2-sha256$100000$!!!!!!!!!!!!$%1").arg(hash);
        QTest::newRow("hash too short")
            << QStringLiteral("pbkdf2-sha256$100000$%1$c2FsdHNhbHQ=").arg(salt);
        QTest::newRow("far too long")
            << QStringLiteral("pbkdf2-sha256$100000$%1$%2").arg(salt, hash + QString(300, u'A'));
        QTest::newRow("empty") << QString();
    }
    void malformedHashesAreLeftOutWithAReason() {
        QFETCH(QString, encoded);
        ManualClock clock(kStart);
        PinVerifier verifier(clock);
        const QStringList problems = verifier.setStaff({{QStringLiteral("1001"), encoded}});
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().startsWith(QStringLiteral("staff 1001: ")));
        QCOMPARE(verifier.staffCount(), 0);
    }

    void acceptsOnlyTheRightPinForTheRightStaff() {
        ManualClock clock(kStart);
        PinVerifier verifier(clock, {10, 300});
        verifier.setStaff(
            {{QStringLiteral("1001"), PinVerifier::hash(u"246813"_s, kTestIterations)},
             {QStringLiteral("1002"), PinVerifier::hash(u"135790"_s, kTestIterations)}});
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::Accepted);
        QCOMPARE(verifier.verify(u"1002"_s, u"135790"_s).result, PinVerifier::Result::Accepted);
        QCOMPARE(verifier.verify(u"1001"_s, u"135790"_s).result, PinVerifier::Result::Rejected);
        QCOMPARE(verifier.verify(u"9999"_s, u"246813"_s).result, PinVerifier::Result::Rejected);
        QCOMPARE(verifier.verify(u"1001"_s, u"2468130"_s).result, PinVerifier::Result::Rejected);
        QCOMPARE(verifier.verify(u"1001"_s, u"abcdef"_s).result, PinVerifier::Result::Rejected);
    }

    void locksAfterRepeatedWrongPinsAndUnlocksAfterTheTime() {
        ManualClock clock(kStart);
        PinVerifier verifier(clock, {3, 300});
        verifier.setStaff({{u"1001"_s, PinVerifier::hash(u"246813"_s, kTestIterations)}});

        auto attempt = verifier.verify(u"1001"_s, u"000000"_s);
        QCOMPARE(attempt.result, PinVerifier::Result::Rejected);
        QCOMPARE(attempt.failuresLeft, 2);
        // Another staff id does not start a fresh count.
        attempt = verifier.verify(u"1002"_s, u"000000"_s);
        QCOMPARE(attempt.failuresLeft, 1);
        attempt = verifier.verify(u"1001"_s, u"111111"_s);
        QCOMPARE(attempt.result, PinVerifier::Result::LockedOut);
        QCOMPARE(attempt.lockedUntilSecs, kStart + 300);
        QVERIFY(verifier.isLockedOut());

        clock.advance(299);
        QCOMPARE(verifier.secondsUntilUnlock(), 1);
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::LockedOut);

        clock.advance(1);
        QVERIFY(!verifier.isLockedOut());
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::Accepted);
    }

    void aGoodPinClearsTheCount() {
        ManualClock clock(kStart);
        PinVerifier verifier(clock, {3, 300});
        verifier.setStaff({{u"1001"_s, PinVerifier::hash(u"246813"_s, kTestIterations)}});
        verifier.verify(u"1001"_s, u"000000"_s);
        verifier.verify(u"1001"_s, u"000000"_s);
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::Accepted);
        QCOMPARE(verifier.failuresLeft(), 3);
        QCOMPARE(verifier.verify(u"1001"_s, u"000000"_s).result, PinVerifier::Result::Rejected);
    }

    // A restart (a new verifier over the same state file) neither clears the
    // count of wrong PINs nor lifts a lockout.
    void theLockoutSurvivesARestart() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const LockoutStore store(dir.filePath(u"service-lockout.json"_s));
        ManualClock clock(kStart);
        const QString hash = PinVerifier::hash(u"246813"_s, kTestIterations);
        {
            PinVerifier verifier(clock, {3, 300}, &store);
            verifier.setStaff({{u"1001"_s, hash}});
            QCOMPARE(verifier.verify(u"1001"_s, u"000000"_s).result, PinVerifier::Result::Rejected);
            QCOMPARE(verifier.verify(u"1001"_s, u"000000"_s).result, PinVerifier::Result::Rejected);
        }
        {
            PinVerifier restarted(clock, {3, 300}, &store);
            restarted.setStaff({{u"1001"_s, hash}});
            QVERIFY(restarted.storeError().isEmpty());
            QCOMPARE(restarted.failuresLeft(), 1);
            QCOMPARE(restarted.verify(u"1001"_s, u"000000"_s).result,
                     PinVerifier::Result::LockedOut);
        }
        clock.advance(120);
        PinVerifier restarted(clock, {3, 300}, &store);
        restarted.setStaff({{u"1001"_s, hash}});
        QVERIFY(restarted.isLockedOut());
        QCOMPARE(restarted.secondsUntilUnlock(), 180);
        QCOMPARE(restarted.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::LockedOut);
        clock.advance(180);
        QCOMPARE(restarted.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::Accepted);
    }

    // A state file that cannot be read is not taken for "no failures".
    void anUnreadableLockoutFileLocksTheKeypad() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"service-lockout.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"failures\": \"none\"}");
        file.close();
        const LockoutStore store(file.fileName());
        ManualClock clock(kStart);
        PinVerifier verifier(clock, {3, 300}, &store);
        QVERIFY(!verifier.storeError().isEmpty());
        QVERIFY(verifier.isLockedOut());
        QCOMPARE(verifier.secondsUntilUnlock(), 300);
    }

    void aClockSetBackDoesNotStretchTheLockout() {
        ManualClock clock(kStart);
        PinVerifier verifier(clock, {1, 300});
        verifier.setStaff({{u"1001"_s, PinVerifier::hash(u"246813"_s, kTestIterations)}});
        QCOMPARE(verifier.verify(u"1001"_s, u"000000"_s).result, PinVerifier::Result::LockedOut);
        clock.set(kStart - 86400);
        QCOMPARE(verifier.secondsUntilUnlock(), 300);
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::LockedOut);
        clock.advance(300);
        QCOMPARE(verifier.verify(u"1001"_s, u"246813"_s).result, PinVerifier::Result::Accepted);
    }
};

QTEST_GUILESS_MAIN(TestPinVerifier)
#include "tst_pinverifier.moc"
