// Signed ticket-list cases, data-driven over tests/tickets/lists (one folder
// per case, in the style of KDE kitinerary): case.json says what the ticket
// system publishes and when the gate syncs, expected.json what the gate ends
// with (every sync's outcome, the applied state, the list's age). The keys
// are made fresh for every run: the root key, this gate's device key,
// another gate's. A mismatch writes <build>/tests/tickets/lists-failures/
// <case>.fail and prints a diff against expected.json.
#include "core/crypto/stricted25519.h"
#include "core/decision/listage.h"
#include "core/tickets/devicekey.h"
#include "core/tickets/sealedkeys.h"
#include "core/tickets/ticketstorereader.h"
#include "core/tickets/ticketstorewriter.h"
#include "support/nginxfixture.h"
#include "sync/ticketlist/ticketlistpuller.h"
#include "ticketlist_records.h"
#include "ticketlist_synthetic.h"
#include "ticketlist_writer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gate;

namespace {

constexpr qint64 T0 = 1763683200; // 2025-11-21 00:00 UTC: "generated" and "now" count from here
const QString casesFolder = QStringLiteral(GATE_SOURCE_DIR "/tests/tickets/lists");

// Ed25519's group order L, little-endian: S + L is the same scalar, not canonical.
constexpr unsigned char groupOrder[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// The identity point's encoding: a public key (and an R) of order 1.
QByteArray identityPoint() {
    QByteArray point(32, '\0');
    point[0] = 1;
    return point;
}

QByteArray withSPlusL(const QByteArray &signature) {
    QByteArray forged = signature;
    unsigned carry = 0;
    for (int i = 0; i < 32; ++i) {
        const unsigned sum = quint8(forged[32 + i]) + groupOrder[i] + carry;
        forged[32 + i] = char(sum & 0xff);
        carry = sum >> 8;
    }
    return forged;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString failureFolder() {
    const QString folder = QStringLiteral(GATE_BINARY_DIR "/tests/tickets/lists-failures");
    QDir().mkpath(folder);
    return folder;
}

} // namespace

class TestTicketLists : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_nginx.start(&error), qPrintable(error));
        m_stationDir = QDir(m_nginx.documentRoot()).filePath(QStringLiteral("VNP"));
        m_deviceKey = tickets::DeviceKey::generate(&error);
        m_otherGate = tickets::DeviceKey::generate(&error);
        QVERIFY2(m_deviceKey && m_otherGate, qPrintable(error));
    }

    void cases_data() {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(casesFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(names.size() >= 10);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void cases() {
        QFETCH(QString, name);
        const QDir folder(QDir(casesFolder).filePath(name));
        const QJsonObject scenario =
            QJsonDocument::fromJson(readFile(folder.filePath(QStringLiteral("case.json"))))
                .object();
        const QByteArray expectedBytes = readFile(folder.filePath(QStringLiteral("expected.json")));
        const QJsonObject expected = QJsonDocument::fromJson(expectedBytes).object();
        QVERIFY2(!scenario.isEmpty() && !expected.isEmpty(),
                 "a case needs case.json and expected.json");

        const QJsonObject actual = run(scenario);
        if (actual == expected)
            return;
        const QString failure = failureFolder() + QLatin1Char('/') + name + QStringLiteral(".fail");
        QFile file(failure);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(actual).toJson());
        file.close();
        QProcess diff;
        diff.start(
            QStringLiteral("diff"),
            {QStringLiteral("-u"), folder.filePath(QStringLiteral("expected.json")), failure});
        diff.waitForFinished(10'000);
        qWarning().noquote() << diff.readAllStandardOutput();
        QFAIL(qPrintable(QStringLiteral("%1 differs from expected.json").arg(failure)));
    }

private:
    // Plays one case: a fresh station folder, a fresh store, the steps in order.
    QJsonObject run(const QJsonObject &scenario) {
        QDir(m_stationDir).removeRecursively();
        m_saved.clear();
        m_rootKey = issuer::SigningKey::generate(issuer::SigningKey::Algorithm::Ed25519);
        const QString rootKeyKind = scenario.value(QStringLiteral("root_key")).toString();
        m_gateRootKey =
            rootKeyKind == QLatin1String("identity") ? identityPoint() : m_rootKey.rawPublicKey();
        m_keys = {{7, QByteArray(32, 'K')}, {{3, QByteArray(32, 'B')}}};

        const QString dbPath = m_work.filePath(QStringLiteral("case-%1.db").arg(++m_caseCounter));
        QString error;
        const auto store = tickets::TicketStoreWriter::open(dbPath, &error);
        // The deciding side's connection, open for the whole case as on a
        // running gate: a refresh must reach it, not only a new reader.
        const auto reader = tickets::TicketStoreReader::open(dbPath, &error);
        if (!store || !reader)
            return {{QStringLiteral("error"), error}};
        reader->state();

        QJsonArray syncs;
        for (const QJsonValue &value : scenario.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject step = value.toObject();
            if (step.contains(QStringLiteral("publish")))
                publish(step.value(QStringLiteral("publish")).toObject());
            else if (step.contains(QStringLiteral("save")))
                m_saved.insert(step.value(QStringLiteral("save")).toString(), servedManifest());
            else if (step.contains(QStringLiteral("serve_saved")))
                serve(m_saved.value(step.value(QStringLiteral("serve_saved")).toString()));
            else if (step.contains(QStringLiteral("sync")))
                syncs.append(syncOnce(step.value(QStringLiteral("sync")).toObject(), *store));
        }

        const tickets::ListState state = store->state();
        const qint64 now = T0 + scenario.value(QStringLiteral("now")).toInteger();
        const tickets::ListState &seen = reader->state();
        QJsonObject result{
            {QStringLiteral("syncs"), syncs},
            {QStringLiteral("seq"), state.seq},
            {QStringLiteral("tickets"), store->ticketCount()},
            {QStringLiteral("age"), toString(listAgeOf(state, now, ListAgeLimits{}))},
        };
        if (!state.isEmpty()) {
            result.insert(QStringLiteral("generated"), state.generated - T0);
            result.insert(QStringLiteral("expires"), state.expires - T0);
            result.insert(QStringLiteral("list_key_id"), qint64(state.listKey.id));
            result.insert(QStringLiteral("bind_keys"), qint64(state.bindKeys.size()));
            result.insert(QStringLiteral("deciding_side_expires"), seen.expires - T0);
            result.insert(QStringLiteral("deciding_side_list_key_id"), qint64(seen.listKey.id));
        }
        return result;
    }

    // {"seq", "generated", "valid_for", "tickets", "delta", "refresh",
    //  "rotate_list_key", "enrol": "this"|"other", "tamper": ...}
    void publish(const QJsonObject &spec) {
        const bool delta = spec.value(QStringLiteral("delta")).toBool();
        const bool refresh = spec.value(QStringLiteral("refresh")).toBool();
        if (!delta && !refresh)
            m_writer = std::make_unique<issuer::TicketListWriter>(m_stationDir, m_rootKey);
        if (spec.value(QStringLiteral("rotate_list_key")).toBool())
            m_keys.listKey = {m_keys.listKey.id + 1, QByteArray(32, char('K' + m_keys.listKey.id))};
        tickets::Manifest &manifest = m_writer->manifest();
        manifest.station = QStringLiteral("VNP");
        manifest.generated = T0 + spec.value(QStringLiteral("generated")).toInteger();
        manifest.expires =
            manifest.generated + spec.value(QStringLiteral("valid_for")).toInteger(3600);
        m_writer->keys() = m_keys;
        m_writer->enrolledGates() = {spec.value(QStringLiteral("enrol")).toString() ==
                                             QLatin1String("other")
                                         ? m_otherGate->publicKey()
                                         : m_deviceKey->publicKey()};

        issuer::SyntheticList list;
        list.tickets = spec.value(QStringLiteral("tickets")).toInteger(20);
        list.firstDay = T0;
        list.listKey = m_keys.listKey.key;
        QString error;
        const qint64 seq = spec.value(QStringLiteral("seq")).toInteger();
        bool written = true;
        if (!refresh) {
            written =
                m_writer->writeKeys(R"({"format":"gate-keys/1","keys":[]})", &error) &&
                (delta
                     ? m_writer->writeDelta(
                           seq, issuer::recordsFrom({issuer::recordLine(list.ticket(1000 + seq))}),
                           &error)
                     : m_writer->writeSnapshot(seq, list.records(), &error));
        }
        QVERIFY2(written && m_writer->publish(&error), qPrintable(error));
        tamper(spec.value(QStringLiteral("tamper")).toString());
        touchManifest();
    }

    // What an attacker, or a broken ticket system, does to the published list.
    void tamper(const QString &how) {
        if (how.isEmpty())
            return;
        const QString sigPath = QDir(m_stationDir).filePath(QStringLiteral("manifest.json.sig"));
        const QByteArray manifest =
            readFile(QDir(m_stationDir).filePath(QStringLiteral("manifest.json")));
        if (how == QLatin1String("forge_identity_signature")) {
            // R = identity, S = 0: "verifies" under a small-order key in a lax verifier.
            QByteArray forged(64, '\0');
            forged[0] = 1;
            write(sigPath, forged);
        } else if (how == QLatin1String("s_plus_l")) {
            write(sigPath, withSPlusL(m_rootKey.sign(manifest)));
        } else if (how == QLatin1String("format_1")) {
            // Version 1: the holder keys in clear, signed by the real root key.
            rewriteManifest([this](QJsonObject &object) {
                object.insert(QStringLiteral("format"), QStringLiteral("gate-ticketlist/1"));
                object.remove(QStringLiteral("sealed_keys"));
                const QJsonObject keys = QJsonDocument::fromJson(m_keys.toJson()).object();
                object.insert(QStringLiteral("list_key"), keys.value(QStringLiteral("list_key")));
                object.insert(QStringLiteral("bind_keys"), keys.value(QStringLiteral("bind_keys")));
            });
        } else if (how == QLatin1String("flip_box_byte")) {
            rewriteManifest([](QJsonObject &object) {
                QJsonArray boxes = object.value(QStringLiteral("sealed_keys")).toArray();
                QJsonObject entry = boxes.at(0).toObject();
                QByteArray box = QByteArray::fromBase64(
                    entry.value(QStringLiteral("box")).toString().toLatin1());
                box[box.size() / 2] = char(box[box.size() / 2] ^ 0x01);
                entry.insert(QStringLiteral("box"), QString::fromLatin1(box.toBase64()));
                boxes.replace(0, entry);
                object.insert(QStringLiteral("sealed_keys"), boxes);
            });
        } else if (how == QLatin1String("box_of_other_station")) {
            rewriteManifest([this](QJsonObject &object) {
                const QByteArray box =
                    tickets::sealListKeys(m_keys, m_deviceKey->publicKey(), QStringLiteral("AOH"));
                object.insert(QStringLiteral("sealed_keys"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("gate"),
                                   QString::fromLatin1(m_deviceKey->kid().toBase64())},
                                  {QStringLiteral("box"), QString::fromLatin1(box.toBase64())}}});
            });
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown tamper %1").arg(how)));
        }
    }

    void rewriteManifest(const std::function<void(QJsonObject &)> &change) {
        const QString path = QDir(m_stationDir).filePath(QStringLiteral("manifest.json"));
        QJsonObject object = QJsonDocument::fromJson(readFile(path)).object();
        change(object);
        const QByteArray bytes = QJsonDocument(object).toJson();
        write(path, bytes);
        write(path + QStringLiteral(".sig"), m_rootKey.sign(bytes));
    }

    QPair<QByteArray, QByteArray> servedManifest() const {
        const QString path = QDir(m_stationDir).filePath(QStringLiteral("manifest.json"));
        return {readFile(path), readFile(path + QStringLiteral(".sig"))};
    }

    void serve(const QPair<QByteArray, QByteArray> &manifest) {
        const QString path = QDir(m_stationDir).filePath(QStringLiteral("manifest.json"));
        write(path, manifest.first);
        write(path + QStringLiteral(".sig"), manifest.second);
        touchManifest();
    }

    // nginx's ETag is mtime-size: a manifest of the same size rewritten
    // within the same second must not look unchanged.
    void touchManifest() {
        QFile file(QDir(m_stationDir).filePath(QStringLiteral("manifest.json")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(++m_mtimeShift),
                                 QFileDevice::FileModificationTime));
    }

    // {"via": "drip" (a server that drips a byte a second), "deadline_ms"}
    QString syncOnce(const QJsonObject &spec, tickets::TicketStoreWriter &store) {
        const QString via = spec.value(QStringLiteral("via")).toString();
        sync::TicketListSource source{
            m_nginx.url(via.isEmpty() ? QStringLiteral("VNP") : via + QStringLiteral("/VNP")),
            m_gateRootKey, QStringLiteral("VNP")};
        source.deviceKey = m_deviceKey;
        source.syncDeadlineMs = int(spec.value(QStringLiteral("deadline_ms")).toInteger(60'000));
        source.transferDeadlineMs = source.syncDeadlineMs;
        sync::TicketListPuller puller(source, store);
        QSignalSpy finished(&puller, &sync::TicketListPuller::finished);
        puller.syncNow();
        if (!finished.wait(120'000))
            return QStringLiteral("no outcome");
        return sync::toString(finished.first().first().value<sync::SyncResult>().outcome);
    }

    static void write(const QString &path, const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    test::NginxFixture m_nginx;
    QTemporaryDir m_work;
    QString m_stationDir;
    std::optional<tickets::DeviceKey> m_deviceKey;
    std::optional<tickets::DeviceKey> m_otherGate;
    issuer::SigningKey m_rootKey;
    QByteArray m_gateRootKey;
    tickets::ListKeys m_keys;
    std::unique_ptr<issuer::TicketListWriter> m_writer;
    QHash<QString, QPair<QByteArray, QByteArray>> m_saved;
    int m_caseCounter = 0;
    int m_mtimeShift = 0;
};

QTEST_GUILESS_MAIN(TestTicketLists)
#include "tst_ticketlists.moc"
