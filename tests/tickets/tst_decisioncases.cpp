// Decision cases as data: every file of tests/tickets/decisions holds the list
// records of a small station and the cases decided against it (document,
// lane direction, clock, station settings → reason, the tids the lane opens
// for, and the passenger's texts in English and Chinese). A ticket names its
// holder by a passport label ("holder_of"), turned into the holder key under
// the test's list key, so that the files carry no key material.
#include "core/credentials/holderkey.h"
#include "core/decision/decisionengine.h"
#include "core/decision/passengermessage.h"
#include "core/tickets/ticketstorereader.h"
#include "recordfiles.h"
#include "specimenpassport.h"
#include "ui/languageswitcher.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace gate;

namespace {

const QString casesFolder = QStringLiteral(GATE_SOURCE_DIR "/tests/tickets/decisions");
const QByteArray listKey(32, 'L');
constexpr qint64 listGenerated = 1763700000;
constexpr qint64 listExpires = 1763800000;

QString passportIdentity(const QString &label) {
    return QStringLiteral("PP:UTO:") + label;
}

QList<QByteArray> recordLines(const QJsonArray &records) {
    QList<QByteArray> lines;
    for (const QJsonValue &value : records) {
        QJsonObject record = value.toObject();
        if (record.contains(QLatin1String("holder_of"))) {
            record.insert(
                QStringLiteral("holder"),
                holderKey(listKey,
                          passportIdentity(record.take(QLatin1String("holder_of")).toString())));
        }
        lines << QJsonDocument(record).toJson(QJsonDocument::Compact);
    }
    return lines;
}

DecisionSettings settingsFrom(const QJsonObject &object) {
    DecisionSettings settings;
    settings.listAge = {1800, 86400};
    if (object.contains(QLatin1String("staff_kinds"))) {
        settings.staffKinds.clear();
        for (const QJsonValue &kind : object.value(QLatin1String("staff_kinds")).toArray())
            settings.staffKinds << kind.toString();
    }
    if (object.value(QLatin1String("party_passage")).toString() == QLatin1String("staff"))
        settings.partyPassage = PartyPassage::Staff;
    return settings;
}

class LocalPassage final : public PassageHistory {
public:
    explicit LocalPassage(QString tid)
        : m_tid(std::move(tid)) {}
    std::optional<qint64> localUseAt(const QString &tid, LaneContext::Direction) const override {
        return tid == m_tid ? std::optional<qint64>(listGenerated) : std::nullopt;
    }

private:
    QString m_tid;
};

} // namespace

class TestDecisionCases : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(ui::LanguageSwitcher::loadCatalogue(m_chinese, Language::Chinese));
    }

    void cases_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonObject>("testCase");
        const QStringList files =
            QDir(casesFolder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(casesFolder));
        for (const QString &file : files) {
            QFile input(QDir(casesFolder).filePath(file));
            QVERIFY(input.open(QIODevice::ReadOnly));
            const QJsonDocument document = QJsonDocument::fromJson(input.readAll());
            const QJsonArray cases = document.object().value(QLatin1String("cases")).toArray();
            QVERIFY2(!cases.isEmpty(), qPrintable(file));
            for (const QJsonValue &value : cases) {
                const QJsonObject testCase = value.toObject();
                QTest::addRow("%s: %s", qPrintable(file),
                              qPrintable(testCase.value(QLatin1String("name")).toString()))
                    << file << testCase;
            }
        }
    }

    void cases() {
        QFETCH(QString, file);
        QFETCH(QJsonObject, testCase);
        const tickets::TicketStoreReader &store = storeOf(file);

        const ManualClock clock(testCase.value(QLatin1String("now")).toInteger());
        const DecisionEngine engine(
            store, clock, settingsFrom(testCase.value(QLatin1String("settings")).toObject()));
        LaneContext lane{QStringLiteral("VNP"), QStringLiteral("A1-01"), QStringLiteral("A1")};
        if (testCase.value(QLatin1String("direction")).toString() == QLatin1String("exit"))
            lane.direction = LaneContext::Direction::Exit;
        const Decision decision = engine.decide(
            Credential::fromDocument(
                testing::specimenPassport(testCase.value(QLatin1String("document")).toString())),
            lane, LocalPassage(testCase.value(QLatin1String("local_use")).toString()));

        const QJsonObject expect = testCase.value(QLatin1String("expect")).toObject();
        const QString reason = expect.value(QLatin1String("reason")).toString();
        QCOMPARE(toString(decision.reason), reason);
        QCOMPARE(decision.admit, reason == QLatin1String("ok"));
        QStringList tids;
        for (const QJsonValue &tid : expect.value(QLatin1String("tids")).toArray())
            tids << tid.toString();
        QVERIFY(decision.ticket);
        QCOMPARE(decision.ticket->tid, tids.value(0));
        // The lane opens for the party only; a passenger alone has no list.
        QCOMPARE(decision.partyTids, tids.size() > 1 ? tids : QStringList());

        // Station names for the admitted screen; null: the list names none.
        for (const char *key : {"arr_en", "arr_zh"}) {
            if (expect.contains(QLatin1String(key)))
                QCOMPARE(decision.details.value(QLatin1String(key)).toString(),
                         expect.value(QLatin1String(key)).toString());
        }

        const PassengerMessage english = passengerMessage(decision, nullptr);
        const PassengerMessage chinese = passengerMessage(decision, &m_chinese);
        const auto compareText = [&](const char *key, const QString &shown) {
            if (expect.contains(QLatin1String(key)))
                QCOMPARE(shown, expect.value(QLatin1String(key)).toString());
        };
        compareText("headline", english.headline);
        compareText("advice", english.advice);
        compareText("headline_zh", chinese.headline);
        compareText("advice_zh", chinese.advice);
    }

private:
    // One store per case file, built on first use from its records.
    const tickets::TicketStoreReader &storeOf(const QString &file) {
        auto &reader = m_stores[file];
        if (reader)
            return *reader;
        QFile input(QDir(casesFolder).filePath(file));
        if (!input.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file));
        const QJsonArray records = QJsonDocument::fromJson(input.readAll())
                                       .object()
                                       .value(QLatin1String("records"))
                                       .toArray();
        tickets::ListState state;
        state.station = QStringLiteral("VNP");
        state.seq = 1;
        state.generated = listGenerated;
        state.expires = listExpires;
        state.listKey = {1, listKey};
        const QString path =
            m_dir.filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".db"));
        if (!testing::buildStore(path, recordLines(records), state))
            qFatal("records of %s do not make a store", qPrintable(file));
        QString error;
        reader = tickets::TicketStoreReader::open(path, &error);
        if (!reader)
            qFatal("%s", qPrintable(error));
        return *reader;
    }

    QTemporaryDir m_dir;
    QTranslator m_chinese;
    std::map<QString, std::unique_ptr<tickets::TicketStoreReader>> m_stores;
};

QTEST_GUILESS_MAIN(TestDecisionCases)
#include "tst_decisioncases.moc"
