// The sam-idreader plugin, loaded from the plugin directory, against
// gate-reader-sim on a real pseudo-terminal.
#include "core/credentials/idcard/idcardreading.h"
#include "hal/monotonicclock.h"
#include "hal/plugincatalog.h"
#include "hal/sam/samframe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using gate::hal::CredentialSource;
using gate::hal::DeviceHealth;
using gate::hal::RawRead;

namespace {

constexpr int kReadTimeoutMs = 15000;

// Collects what the source reports, on the test's thread.
class Collector : public QObject {
    Q_OBJECT
public:
    QList<RawRead> reads;
    QList<DeviceHealth> health;
    QStringList hints;
    QList<qsizetype> hintsBeforeRead; // hints.size() when each read arrived

    bool hadHealth(DeviceHealth::State state) const {
        return std::any_of(health.begin(), health.end(),
                           [state](const DeviceHealth &h) { return h.state == state; });
    }

public slots:
    void onRawRead(const gate::hal::RawRead &read) {
        reads << read;
        hintsBeforeRead << hints.size();
    }
    void onHealth(const gate::hal::DeviceHealth &h) { health << h; }
    void onHint(const QString &hint) { hints << hint; }
};

QJsonObject sampleCard(const QString &sample) {
    QFile file(QStringLiteral(GATE_SOURCE_DIR "/tests/idcard/samples/cards.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array())
        if (entry[QLatin1String("sample")].toString() == sample)
            return entry[QLatin1String("card")].toObject();
    return {};
}

QString numberOf(const RawRead &read) {
    const auto reading = gate::idcard::readIdCardAnswer(read.bytes);
    return reading.document ? reading.document->number : QString();
}

} // namespace

class SamIdReaderTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void cardOnTheReaderIsReportedOnce();
    void fingerprintReadSendsTheLongAnswer();
    void cardsRemovedAndPresentedAgainAreEachReportedOnce();
    void unpluggedReaderIsReopenedWhenItComesBack();
    void emptyReaderReportsNothing();
    void samSelfTestFailureIsAFault();
    void corruptedAnswersAreNeverReported();
    void unreadableCardIsReportedOnceWhileItStays_data();
    void unreadableCardIsReportedOnceWhileItStays();
    void unreadableCardIsReportedAgainWhenPresentedAgain_data();
    void unreadableCardIsReportedAgainWhenPresentedAgain();
    void cardReadAfterFailedAttemptsIsReportedNormally_data();
    void cardReadAfterFailedAttemptsIsReportedNormally();
    void settingsAreValidated_data();
    void settingsAreValidated();

private:
    QString writeCards(const QJsonArray &cards);
    bool startSimulator(const QStringList &arguments);
    void stopSimulator();
    void startReader(QJsonObject settings = {});

    gate::hal::PluginCatalog m_catalog;
    gate::hal::DevicePlugin *m_plugin = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_link;
    std::unique_ptr<QProcess> m_simulator;
    std::unique_ptr<QThread> m_thread;
    CredentialSource *m_source = nullptr;
    std::unique_ptr<Collector> m_collector;
};

void SamIdReaderTest::initTestCase() {
    qRegisterMetaType<RawRead>();
    qRegisterMetaType<DeviceHealth>();
    QString error;
    m_plugin = m_catalog.plugin(QStringLiteral("sam-idreader"), &error);
    QVERIFY2(m_plugin, qPrintable(error));
}

void SamIdReaderTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_link = m_dir->filePath(QStringLiteral("id-reader"));
    m_collector = std::make_unique<Collector>();
}

void SamIdReaderTest::cleanup() {
    if (m_source) {
        QMetaObject::invokeMethod(m_source, "stop", Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        m_source = nullptr;
    }
    stopSimulator();
    m_collector.reset();
    m_dir.reset();
}

QString SamIdReaderTest::writeCards(const QJsonArray &cards) {
    const QString path = m_dir->filePath(QStringLiteral("cards.json"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(cards).toJson());
    return path;
}

bool SamIdReaderTest::startSimulator(const QStringList &arguments) {
    m_simulator = std::make_unique<QProcess>();
    m_simulator->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_simulator->start(QCoreApplication::applicationDirPath() + QStringLiteral("/gate-reader-sim"),
                       QStringList{QStringLiteral("--link"), m_link} + arguments);
    if (!m_simulator->waitForStarted(10000))
        return false;
    // The simulator prints {"pty": ..., "link": ...} once the link exists.
    while (!m_simulator->canReadLine())
        if (!m_simulator->waitForReadyRead(10000))
            return false;
    const QJsonObject ready = QJsonDocument::fromJson(m_simulator->readLine()).object();
    return ready[QLatin1String("link")].toString() == m_link &&
           QFile::exists(ready[QLatin1String("pty")].toString());
}

// Unplugged: the process dies without a word and the device node goes away.
void SamIdReaderTest::stopSimulator() {
    if (!m_simulator)
        return;
    m_simulator->kill();
    m_simulator->waitForFinished(10000);
    m_simulator.reset();
    QFile::remove(m_link);
}

void SamIdReaderTest::startReader(QJsonObject settings) {
    settings.insert(QStringLiteral("port"), m_link);
    settings.insert(QStringLiteral("poll_ms"), 200);
    QString error;
    std::unique_ptr<CredentialSource> source =
        m_plugin->createCredentialSource(QStringLiteral("reader1"), settings, &error);
    QVERIFY2(source, qPrintable(error));
    m_source = source.release();
    m_thread = std::make_unique<QThread>();
    m_source->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_source, &QObject::deleteLater);
    connect(m_source, &CredentialSource::rawRead, m_collector.get(), &Collector::onRawRead);
    connect(m_source, &CredentialSource::healthChanged, m_collector.get(), &Collector::onHealth);
    connect(m_source, &CredentialSource::readingHint, m_collector.get(), &Collector::onHint);
    m_thread->start();
    QMetaObject::invokeMethod(m_source, "start", Qt::QueuedConnection);
}

void SamIdReaderTest::cardOnTheReaderIsReportedOnce() {
    const QString cards = writeCards({sampleCard(QStringLiteral("fpr2023-renewed"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards}));
    startReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);
    const RawRead read = m_collector->reads.first();
    QCOMPARE(read.kind, RawRead::Kind::IdCardAnswer);
    QCOMPARE(read.source, QStringLiteral("reader1"));
    QCOMPARE(read.bytes.size(), 1295);
    QVERIFY(read.availableNs > 0 && read.availableNs <= gate::hal::monotonicNowNs());
    const gate::Credential credential = gate::credentialFromIdCardAnswer(read.bytes);
    QCOMPARE(credential.kind, gate::Credential::Kind::Document);
    QCOMPARE(credential.document->previousNumber, QStringLiteral("PAK310080010103"));
    QVERIFY(m_collector->hadHealth(DeviceHealth::State::Ok));

    // The card stays on the reader through several more polls.
    QTest::qWait(1500);
    QCOMPARE(m_collector->reads.size(), 1);
}

void SamIdReaderTest::fingerprintReadSendsTheLongAnswer() {
    const QString cards = writeCards({sampleCard(QStringLiteral("resident-fingerprint"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards}));
    startReader({{QStringLiteral("fingerprint"), true}});
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);
    QCOMPARE(m_collector->reads.first().bytes.size(), 2321);
    QCOMPARE(numberOf(m_collector->reads.first()), QStringLiteral("120103198806018241"));
}

void SamIdReaderTest::cardsRemovedAndPresentedAgainAreEachReportedOnce() {
    // Two different cards take turns: a second read of a card still on the
    // reader would show the same number twice in a row.
    const QString cards = writeCards(
        {sampleCard(QStringLiteral("resident-dated")), sampleCard(QStringLiteral("fpr2017"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards, QStringLiteral("--present-ms"),
                            QStringLiteral("2500"), QStringLiteral("--absent-ms"),
                            QStringLiteral("1000")}));
    startReader();
    QTRY_VERIFY_WITH_TIMEOUT(m_collector->reads.size() >= 3, 3 * kReadTimeoutMs);
    QStringList numbers;
    for (const RawRead &read : m_collector->reads)
        numbers << numberOf(read);
    for (qsizetype i = 1; i < numbers.size(); ++i)
        QVERIFY2(numbers[i] != numbers[i - 1], qPrintable(numbers.join(QLatin1Char(' '))));
    QCOMPARE(numbers.mid(0, 3),
             QStringList({QStringLiteral("360426199101010071"), QStringLiteral("KAZ110090123105"),
                          QStringLiteral("360426199101010071")}));
}

void SamIdReaderTest::unpluggedReaderIsReopenedWhenItComesBack() {
    const QString cards = writeCards({sampleCard(QStringLiteral("hmt-expired"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards}));
    startReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);

    stopSimulator();
    QTRY_VERIFY_WITH_TIMEOUT(m_collector->health.last().state == DeviceHealth::State::Offline,
                             kReadTimeoutMs);

    QVERIFY(startSimulator({QStringLiteral("--card"), cards}));
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 2, kReadTimeoutMs);
    QCOMPARE(numberOf(m_collector->reads.last()), QStringLiteral("830000199706020042"));
    QCOMPARE(gate::hal::toString(m_collector->health.last().state), QStringLiteral("ok"));
}

void SamIdReaderTest::emptyReaderReportsNothing() {
    QVERIFY(startSimulator({QStringLiteral("--no-card")}));
    startReader();
    QTRY_VERIFY_WITH_TIMEOUT(m_collector->hadHealth(DeviceHealth::State::Ok), kReadTimeoutMs);
    QTest::qWait(1000);
    QVERIFY(m_collector->reads.isEmpty());
    QCOMPARE(gate::hal::toString(m_collector->health.last().state), QStringLiteral("ok"));
}

void SamIdReaderTest::samSelfTestFailureIsAFault() {
    const QString cards = writeCards({sampleCard(QStringLiteral("resident-dated"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards, QStringLiteral("--sam-fault")}));
    startReader();
    QTRY_VERIFY_WITH_TIMEOUT(m_collector->hadHealth(DeviceHealth::State::Fault), kReadTimeoutMs);
    QVERIFY2(m_collector->health.last().detail.contains(QLatin1String("60")),
             qPrintable(m_collector->health.last().detail));
    QTest::qWait(500);
    QVERIFY(m_collector->reads.isEmpty());
}

void SamIdReaderTest::corruptedAnswersAreNeverReported() {
    // Every 4th answer is broken: the select of the first try, the read of a later one.
    const QString cards = writeCards({sampleCard(QStringLiteral("fpr2023-first-card"))});
    QVERIFY(startSimulator(
        {QStringLiteral("--card"), cards, QStringLiteral("--corrupt-every"), QStringLiteral("4")}));
    startReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);
    QCOMPARE(numberOf(m_collector->reads.first()), QStringLiteral("911124198108030024"));
}

void SamIdReaderTest::unreadableCardIsReportedOnceWhileItStays_data() {
    QTest::addColumn<QStringList>("failures");
    QTest::addColumn<quint8>("lastStatus");
    QTest::addColumn<QString>("warning");
    QTest::newRow("every read fails")
        << QStringList{QStringLiteral("--failing-reads"), QStringLiteral("all")}
        << gate::idcard::status::ReadFailed
        << QStringLiteral("reader1: card unreadable, 3 attempts in a row failed (last: read, "
                          "status 41)");
    // The find sees the card, the select never succeeds.
    QTest::newRow("every select fails")
        << QStringList{QStringLiteral("--failing-selects"), QStringLiteral("all")}
        << gate::idcard::status::SelectFailed
        << QStringLiteral("reader1: card unreadable, 3 attempts in a row failed (last: select, "
                          "status 81)");
    // Failed selects and reads of one presentation count together.
    QTest::newRow("two selects then a read fail")
        << QStringList{QStringLiteral("--failing-selects"), QStringLiteral("2"),
                       QStringLiteral("--failing-reads"), QStringLiteral("1")}
        << gate::idcard::status::ReadFailed
        << QStringLiteral("reader1: card unreadable, 3 attempts in a row failed (last: read, "
                          "status 41)");
}

void SamIdReaderTest::unreadableCardIsReportedOnceWhileItStays() {
    QFETCH(QStringList, failures);
    QFETCH(quint8, lastStatus);
    QFETCH(QString, warning);
    const QString cards = writeCards({sampleCard(QStringLiteral("resident-dated"))});
    QVERIFY(startSimulator(QStringList{QStringLiteral("--card"), cards} + failures));
    QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
    startReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);
    const RawRead read = m_collector->reads.first();
    // The failed answer itself goes to the core.
    QCOMPARE(read.kind, RawRead::Kind::IdCardAnswer);
    QCOMPARE(read.bytes, gate::idcard::responseFrame(lastStatus));
    QVERIFY(read.availableNs > 0 && read.availableNs <= gate::hal::monotonicNowNs());
    const gate::Credential credential = gate::credentialFromIdCardAnswer(read.bytes);
    QCOMPARE(credential.kind, gate::Credential::Kind::Failure);
    QCOMPARE(credential.failure, std::optional(gate::Reason::CardUnreadable));
    // The two attempts before the last asked the passenger to hold still.
    QCOMPARE(m_collector->hints, QStringList(2, QStringLiteral("hold_still")));

    // The card stays on the reader through several more polls: it is neither
    // read again nor reported again.
    QTest::qWait(1500);
    QCOMPARE(m_collector->reads.size(), 1);
    QCOMPARE(m_collector->hints.size(), 2);
    // A card problem, not a reader problem.
    QVERIFY(!m_collector->hadHealth(DeviceHealth::State::Degraded));
    QVERIFY(!m_collector->hadHealth(DeviceHealth::State::Fault));
    QCOMPARE(gate::hal::toString(m_collector->health.last().state), QStringLiteral("ok"));
}

void SamIdReaderTest::unreadableCardIsReportedAgainWhenPresentedAgain_data() {
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("warning");
    QTest::newRow("reads fail") << QStringLiteral("--failing-reads")
                                << QStringLiteral("reader1: card unreadable, 2 attempts in a row "
                                                  "failed (last: read, status 41)");
    QTest::newRow("selects fail") << QStringLiteral("--failing-selects")
                                  << QStringLiteral("reader1: card unreadable, 2 attempts in a "
                                                    "row failed (last: select, status 81)");
}

void SamIdReaderTest::unreadableCardIsReportedAgainWhenPresentedAgain() {
    QFETCH(QString, failure);
    QFETCH(QString, warning);
    const QString cards = writeCards({sampleCard(QStringLiteral("resident-dated"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards, QStringLiteral("--present-ms"),
                            QStringLiteral("4000"), QStringLiteral("--absent-ms"),
                            QStringLiteral("1000"), failure, QStringLiteral("all")}));
    for (int presentation = 0; presentation < 2; ++presentation)
        QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
    startReader({{QStringLiteral("read_attempts"), 2}});
    QTRY_VERIFY_WITH_TIMEOUT(m_collector->reads.size() >= 2, 3 * kReadTimeoutMs);
    // Each presentation starts counting afresh: one hold-still hint, then the
    // answer. Answering the same presentation twice would bring no new hint.
    QCOMPARE(m_collector->hintsBeforeRead.mid(0, 2), (QList<qsizetype>{1, 2}));
    for (const RawRead &read : m_collector->reads)
        QCOMPARE(gate::credentialFromIdCardAnswer(read.bytes).failure,
                 std::optional(gate::Reason::CardUnreadable));
}

void SamIdReaderTest::cardReadAfterFailedAttemptsIsReportedNormally_data() {
    QTest::addColumn<int>("failingSelects");
    QTest::addColumn<int>("failingReads");
    QTest::newRow("one failed read") << 0 << 1;
    QTest::newRow("two failed reads") << 0 << 2;
    QTest::newRow("one failed select") << 1 << 0;
    QTest::newRow("two failed selects") << 2 << 0;
    QTest::newRow("a failed select and a failed read") << 1 << 1;
}

void SamIdReaderTest::cardReadAfterFailedAttemptsIsReportedNormally() {
    QFETCH(int, failingSelects);
    QFETCH(int, failingReads);
    const QString cards = writeCards({sampleCard(QStringLiteral("fpr2017"))});
    QVERIFY(startSimulator({QStringLiteral("--card"), cards, QStringLiteral("--failing-selects"),
                            QString::number(failingSelects), QStringLiteral("--failing-reads"),
                            QString::number(failingReads)}));
    startReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_collector->reads.size(), 1, kReadTimeoutMs);
    const gate::Credential credential =
        gate::credentialFromIdCardAnswer(m_collector->reads.first().bytes);
    QCOMPARE(credential.kind, gate::Credential::Kind::Document);
    QCOMPARE(credential.document->number, QStringLiteral("KAZ110090123105"));
    QCOMPARE(m_collector->hints,
             QStringList(failingSelects + failingReads, QStringLiteral("hold_still")));
}

void SamIdReaderTest::settingsAreValidated_data() {
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<QString>("key");
    QTest::newRow("no port") << QJsonObject{{QStringLiteral("baud"), 115200}}
                             << QStringLiteral("settings.port");
    QTest::newRow("port not a string")
        << QJsonObject{{QStringLiteral("port"), 3}} << QStringLiteral("settings.port");
    const auto withPort = [](const char *key, const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("port"), QStringLiteral("/dev/ttyUSB0")},
                           {QLatin1String(key), value}};
    };
    QTest::newRow("odd baud") << withPort("baud", 12345) << QStringLiteral("settings.baud");
    QTest::newRow("baud as text") << withPort("baud", QStringLiteral("115200"))
                                  << QStringLiteral("settings.baud");
    QTest::newRow("poll too fast") << withPort("poll_ms", 5) << QStringLiteral("settings.poll_ms");
    QTest::newRow("poll fraction")
        << withPort("poll_ms", 300.5) << QStringLiteral("settings.poll_ms");
    QTest::newRow("fingerprint as text")
        << withPort("fingerprint", QStringLiteral("yes")) << QStringLiteral("settings.fingerprint");
    QTest::newRow("no read attempt")
        << withPort("read_attempts", 0) << QStringLiteral("settings.read_attempts");
    QTest::newRow("too many read attempts")
        << withPort("read_attempts", 11) << QStringLiteral("settings.read_attempts");
    QTest::newRow("read attempts fraction")
        << withPort("read_attempts", 2.5) << QStringLiteral("settings.read_attempts");
    QTest::newRow("read attempts as text") << withPort("read_attempts", QStringLiteral("3"))
                                           << QStringLiteral("settings.read_attempts");
    QTest::newRow("unknown key") << withPort("bauds", 9600) << QStringLiteral("settings.bauds");
}

void SamIdReaderTest::settingsAreValidated() {
    QFETCH(QJsonObject, settings);
    QFETCH(QString, key);
    QString error;
    QVERIFY(!m_plugin->createCredentialSource(QStringLiteral("reader1"), settings, &error));
    QVERIFY2(error.startsWith(key + QLatin1Char(':')), qPrintable(error));
}

QTEST_GUILESS_MAIN(SamIdReaderTest)
#include "tst_samidreader.moc"
