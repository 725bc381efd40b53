// The gate's device key, the sealed box of K_list and K_bind
// (spec/ticket-list.md, key confidentiality) and the strict Ed25519 checks.
#include "core/crypto/stricted25519.h"
#include "core/tickets/devicekey.h"
#include "core/tickets/sealedkeys.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gate;
using tickets::DeviceKey;
using tickets::ListKeys;

namespace {

const ListKeys keys{{7, QByteArray(32, 'K')}, {{3, QByteArray(32, 'B')}, {4, QByteArray(32, 'C')}}};

DeviceKey newKey() {
    QString error;
    return *DeviceKey::generate(&error);
}

QString gatectl() {
    return QStringLiteral(GATE_BINARY_DIR "/bin/gatectl");
}

} // namespace

class TestSealedKeys : public QObject {
    Q_OBJECT

private slots:
    void opensWithTheGatesKey() {
        const DeviceKey gate = newKey();
        const QByteArray box = tickets::sealListKeys(keys, gate.publicKey(), QStringLiteral("VNP"));
        QVERIFY(!box.isEmpty());
        const auto opened = tickets::openListKeys(box, gate, QStringLiteral("VNP"));
        QVERIFY(opened);
        QCOMPARE(opened->listKey.id, 7u);
        QCOMPARE(opened->listKey.key, keys.listKey.key);
        QCOMPARE(opened->bindKeys.size(), 2);
        QCOMPARE(opened->bindKeys.at(1).id, 4u);
        // The box never carries the keys in clear.
        QVERIFY(!box.contains(keys.listKey.key));
        // A fresh ephemeral key and nonce every time.
        QVERIFY(box != tickets::sealListKeys(keys, gate.publicKey(), QStringLiteral("VNP")));
    }

    void doesNotOpen_data() {
        QTest::addColumn<QString>("damage");
        for (const char *damage :
             {"other gate", "other station", "flipped epk", "flipped nonce", "flipped ciphertext",
              "flipped tag", "truncated", "empty", "small-order epk", "oversized"})
            QTest::newRow(damage) << QString::fromLatin1(damage);
    }

    void doesNotOpen() {
        QFETCH(QString, damage);
        const DeviceKey gate = newKey();
        QByteArray box = tickets::sealListKeys(keys, gate.publicKey(), QStringLiteral("VNP"));
        QString station = QStringLiteral("VNP");
        DeviceKey opener = gate;
        if (damage == QLatin1String("other gate"))
            opener = newKey();
        else if (damage == QLatin1String("other station"))
            station = QStringLiteral("AOH");
        else if (damage == QLatin1String("flipped epk"))
            box[3] = char(box[3] ^ 1);
        else if (damage == QLatin1String("flipped nonce"))
            box[35] = char(box[35] ^ 1);
        else if (damage == QLatin1String("flipped ciphertext"))
            box[50] = char(box[50] ^ 1);
        else if (damage == QLatin1String("flipped tag"))
            box[box.size() - 1] = char(box[box.size() - 1] ^ 1);
        else if (damage == QLatin1String("truncated"))
            box = box.left(59);
        else if (damage == QLatin1String("empty"))
            box.clear();
        else if (damage == QLatin1String("small-order epk"))
            box.replace(0, 32, QByteArray(32, '\0')); // X25519 gives the all-zero secret
        else if (damage == QLatin1String("oversized"))
            box += QByteArray(tickets::maxSealedBoxBytes, 'x');
        QVERIFY(!tickets::openListKeys(box, opener, station));
    }

    void keysJsonHasLimits() {
        QVERIFY(ListKeys::fromJson(keys.toJson()));
        QVERIFY(!ListKeys::fromJson("{}"));
        QVERIFY(!ListKeys::fromJson(R"({"list_key":{"id":1,"key":"AAAA"},"bind_keys":[]})"));
        QVERIFY(!ListKeys::fromJson(
            R"({"list_key":{"id":-1,"key":"S0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0s="},"bind_keys":[]})"));
        ListKeys many = keys;
        for (int i = 0; i < 70; ++i)
            many.bindKeys << tickets::KeyEntry{quint32(10 + i), QByteArray(32, 'x')};
        QVERIFY(!ListKeys::fromJson(many.toJson()));
    }

    void deviceKeyFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("device.key"));
        const DeviceKey key = newKey();
        QString error;
        QVERIFY2(key.saveNew(path, &error), qPrintable(error));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        // Never replaced: that would un-enrol the gate.
        QVERIFY(!newKey().saveNew(path, &error));
        const auto loaded = DeviceKey::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->publicKey(), key.publicKey());
        QCOMPARE(loaded->kid().size(), 8);
        // A key that others can read is not used.
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther));
        QVERIFY(!DeviceKey::load(path, &error));
        QVERIFY2(error.contains(QStringLiteral("readable by others")), qPrintable(error));
    }

    void gatectlDeviceKey() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("device.key"));
        QProcess init;
        init.start(gatectl(), {QStringLiteral("device-key"), QStringLiteral("init"),
                               QStringLiteral("--out"), path});
        QVERIFY(init.waitForFinished(30'000));
        QCOMPARE(init.exitCode(), 0);
        const QJsonObject made = QJsonDocument::fromJson(init.readAllStandardOutput()).object();

        QProcess show;
        show.start(gatectl(), {QStringLiteral("device-key"), QStringLiteral("show"),
                               QStringLiteral("--key"), path});
        QVERIFY(show.waitForFinished(30'000));
        QCOMPARE(show.exitCode(), 0);
        const QByteArray output = show.readAllStandardOutput();
        const QJsonObject shown = QJsonDocument::fromJson(output).object();
        QCOMPARE(shown.keys(), (QStringList{QStringLiteral("gate"), QStringLiteral("pub")}));
        QCOMPARE(shown.value(QStringLiteral("pub")), made.value(QStringLiteral("pub")));
        QString error;
        const auto key = DeviceKey::load(path, &error);
        QCOMPARE(shown.value(QStringLiteral("gate")).toString(),
                 QString::fromLatin1(key->kid().toBase64()));
        // The private key is never printed.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!output.contains(file.readAll().trimmed()));

        QProcess again;
        again.start(gatectl(), {QStringLiteral("device-key"), QStringLiteral("init"),
                                QStringLiteral("--out"), path});
        QVERIFY(again.waitForFinished(30'000));
        QCOMPARE(again.exitCode(), 1);
    }

    // RFC 8032 test 1, and the encodings a strict verifier must refuse.
    void strictEd25519() {
        const QByteArray pub =
            QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        const QByteArray signature =
            QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QVERIFY(crypto::isStrictEd25519PublicKey(pub));
        QVERIFY(crypto::verifyEd25519(pub, QByteArray(), signature));
        QVERIFY(!crypto::verifyEd25519(pub, QByteArray("x"), signature));

        QByteArray identity(32, '\0');
        identity[0] = 1;
        QByteArray forged(64, '\0');
        forged[0] = 1;
        for (const char *hex :
             {"0100000000000000000000000000000000000000000000000000000000000000",
              "0000000000000000000000000000000000000000000000000000000000000000",
              "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
              "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {
            const QByteArray small = QByteArray::fromHex(hex);
            QVERIFY2(!crypto::isStrictEd25519PublicKey(small), hex);
            // R = identity, S = 0 "verifies" under a small-order key in a lax verifier.
            QVERIFY2(!crypto::verifyEd25519(small, QByteArray("any message"), forged), hex);
        }
        QVERIFY(!crypto::isStrictEd25519PublicKey(pub.left(31)));
        // S + L: the same scalar, not canonical.
        QByteArray sPlusL = signature;
        const QByteArray order =
            QByteArray::fromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        unsigned carry = 0;
        for (int i = 0; i < 32; ++i) {
            const unsigned sum = quint8(sPlusL[32 + i]) + quint8(order[i]) + carry;
            sPlusL[32 + i] = char(sum & 0xff);
            carry = sum >> 8;
        }
        QVERIFY(!crypto::verifyEd25519(pub, QByteArray(), sPlusL));
    }
};

QTEST_GUILESS_MAIN(TestSealedKeys)
#include "tst_sealedkeys.moc"
