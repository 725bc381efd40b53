// The camera plugin end to end over a replay folder: loaded by name, fed
// recorded frames, it reports each code once per appearance.

#include "code_qrimage.h"

#include "hal/plugincatalog.h"

#include "../../plugins/camera/latestframe.h"
#include "../../plugins/camera/sightingtracker.h"
#include "support/testpeer.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using gate::hal::RawRead;

class TestCameraReplay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void reportsEachAppearanceOnce();
    void readsPassportMrzWhenAsked_data();
    void readsPassportMrzWhenAsked();
    void settingsErrorsNameTheKey_data();
    void settingsErrorsNameTheKey();
    void trackerForgetsAfterTheWindow();
    void newestFrameWins();

private:
    gate::hal::DevicePlugin *m_plugin = nullptr;
    gate::hal::PluginCatalog m_catalog;
};

void TestCameraReplay::initTestCase() {
    QVERIFY(m_catalog.names().contains(QStringLiteral("camera")));
    QString error;
    m_plugin = m_catalog.plugin(QStringLiteral("camera"), &error);
    QVERIFY2(m_plugin, qPrintable(error));
}

void TestCameraReplay::reportsEachAppearanceOnce() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const auto frameWith = [](const QString &text) {
        cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(200, 200, 200));
        if (!text.isEmpty()) {
            cv::Mat code;
            cv::cvtColor(gate::issuer::renderQrCode(text, 6), code, cv::COLOR_GRAY2BGR);
            code.copyTo(frame(cv::Rect(150, 80, code.cols, code.rows)));
        }
        return frame;
    };
    // A in view, gone, B in view, gone, A back again.
    const QStringList timeline{
        QStringLiteral("RT1:AAA"), {}, QStringLiteral("RT1:BBB"), {}, QStringLiteral("RT1:AAA")};
    int index = 0;
    for (const QString &text : timeline) {
        const cv::Mat frame = frameWith(text);
        for (int i = 0; i < (text.isEmpty() ? 14 : 8); ++i) {
            const QString path =
                folder.filePath(QStringLiteral("%1.png").arg(index++, 4, 10, QLatin1Char('0')));
            QVERIFY(cv::imwrite(path.toStdString(), frame));
        }
    }
    QString error;
    std::unique_ptr<gate::hal::CredentialSource> source = m_plugin->createCredentialSource(
        QStringLiteral("lane-camera"),
        QJsonObject{{QStringLiteral("source"), QStringLiteral("replay:") + folder.path()},
                    {QStringLiteral("fps"), 20},
                    {QStringLiteral("loop"), false},
                    {QStringLiteral("forget_ms"), 300}},
        &error);
    QVERIFY2(source, qPrintable(error));
    std::vector<RawRead> reads;
    bool finished = false;
    connect(source.get(), &gate::hal::CredentialSource::rawRead, this,
            [&](const RawRead &read) { reads.push_back(read); });
    connect(source.get(), &gate::hal::CredentialSource::healthChanged, this,
            [&](const gate::hal::DeviceHealth &health) {
                finished = health.state == gate::hal::DeviceHealth::State::Offline;
            });
    const qint64 startedNs = QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
    source->start();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
    QTest::qWait(200); // let the worker finish the last frame
    source->stop();

    QStringList texts;
    for (const RawRead &read : reads) {
        texts << read.text;
        QCOMPARE(read.kind, RawRead::Kind::Barcode);
        QCOMPARE(read.symbology, QStringLiteral("QRCode"));
        QCOMPARE(read.source, QStringLiteral("lane-camera"));
        QCOMPARE(read.bytes, read.text.toLatin1());
        QVERIFY(read.availableNs >= startedNs);
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("RT1:AAA"), QStringLiteral("RT1:BBB"),
                                 QStringLiteral("RT1:AAA")}));
    QVERIFY(reads[0].availableNs < reads[1].availableNs);
}

// With "mrz": true the MRZ analyser runs next to the barcode one: a passport
// held still for a few frames gives one MrzLines read, also when a frame
// without it (a hand, glare) comes between, unless that gap outlasts forget_ms.
void TestCameraReplay::readsPassportMrzWhenAsked_data() {
    QTest::addColumn<int>("forgetMs");
    QTest::addColumn<int>("reads");
    QTest::newRow("a gap shorter than forget_ms") << 1500 << 1;
    QTest::newRow("gone for longer than forget_ms") << 200 << 2;
}

void TestCameraReplay::readsPassportMrzWhenAsked() {
    QFETCH(int, forgetMs);
    QFETCH(int, reads);
    const QString sample = QStringLiteral(GATE_SHARED_DIR "/data/mrz-dev/GBR_00.jpg");
    GATE_REQUIRE_PEER("shared-mrz-pages");
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const cv::Mat page = cv::imread(sample.toStdString());
    const cv::Mat nothing(page.size(), page.type(), cv::Scalar::all(90));
    for (int i = 0; i < 7; ++i)
        QVERIFY(cv::imwrite(folder.filePath(QStringLiteral("%1.jpg").arg(i)).toStdString(),
                            i == 3 ? nothing : page));
    QString error;
    std::unique_ptr<gate::hal::CredentialSource> source = m_plugin->createCredentialSource(
        QStringLiteral("passport-camera"),
        QJsonObject{{QStringLiteral("source"), QStringLiteral("replay:") + folder.path()},
                    {QStringLiteral("fps"), 4},
                    {QStringLiteral("loop"), false},
                    {QStringLiteral("mrz"), true},
                    {QStringLiteral("forget_ms"), forgetMs}},
        &error);
    QVERIFY2(source, qPrintable(error));
    std::vector<RawRead> received;
    bool finished = false;
    connect(source.get(), &gate::hal::CredentialSource::rawRead, this,
            [&](const RawRead &read) { received.push_back(read); });
    connect(source.get(), &gate::hal::CredentialSource::healthChanged, this,
            [&](const gate::hal::DeviceHealth &health) {
                finished = health.state == gate::hal::DeviceHealth::State::Offline;
            });
    source->start();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!received.empty(), 10000); // the worker may still hold the last frame
    QTest::qWait(500);
    source->stop();
    QCOMPARE(int(received.size()), reads);
    QCOMPARE(received[0].kind, RawRead::Kind::MrzLines);
    QCOMPARE(received[0].source, QStringLiteral("passport-camera"));
    QVERIFY(received[0].mrzLines.size() == 2 || received[0].mrzLines.size() == 3);
}

void TestCameraReplay::settingsErrorsNameTheKey_data() {
    QTest::addColumn<QJsonObject>("settings");
    QTest::addColumn<QString>("key");
    const QJsonObject good{{QStringLiteral("source"), QStringLiteral("v4l2:/dev/video0")}};
    const auto with = [&good](const char *key, const QJsonValue &value) {
        QJsonObject settings = good;
        settings.insert(QLatin1StringView(key), value);
        return settings;
    };
    QTest::newRow("no source") << QJsonObject{} << QStringLiteral("settings.source");
    QTest::newRow("odd source") << with("source", QStringLiteral("rtsp://cam"))
                                << QStringLiteral("settings.source");
    QTest::newRow("missing replay") << with("source", QStringLiteral("replay:/nonexistent/frames"))
                                    << QStringLiteral("settings.source");
    QTest::newRow("fps zero") << with("fps", 0) << QStringLiteral("settings.fps");
    QTest::newRow("fps text") << with("fps", QStringLiteral("15"))
                              << QStringLiteral("settings.fps");
    QTest::newRow("width") << with("width", 1280.5) << QStringLiteral("settings.width");
    QTest::newRow("huge height") << with("height", 1e30) << QStringLiteral("settings.height");
    QTest::newRow("height") << with("height", 100000) << QStringLiteral("settings.height");
    QTest::newRow("loop") << with("loop", QStringLiteral("yes")) << QStringLiteral("settings.loop");
    QTest::newRow("mrz") << with("mrz", 1) << QStringLiteral("settings.mrz");
}

void TestCameraReplay::settingsErrorsNameTheKey() {
    QFETCH(QJsonObject, settings);
    QFETCH(QString, key);
    QString error;
    QVERIFY(!m_plugin->createCredentialSource(QStringLiteral("cam"), settings, &error));
    QVERIFY2(error.startsWith(key + QLatin1Char(':')), qPrintable(error));
}

void TestCameraReplay::trackerForgetsAfterTheWindow() {
    gate::camera::SightingTracker tracker(100);
    QVERIFY(tracker.sighted(QStringLiteral("a"), 0));
    QVERIFY(!tracker.sighted(QStringLiteral("a"), 50));
    QVERIFY(!tracker.sighted(QStringLiteral("a"), 140)); // seen again in time: still in view
    QVERIFY(tracker.sighted(QStringLiteral("b"), 150));
    tracker.expire(300);
    QVERIFY(tracker.sighted(QStringLiteral("a"), 300));
    QVERIFY(tracker.sighted(QStringLiteral("b"), 400)); // gone for 250, without an expire call
}

void TestCameraReplay::newestFrameWins() {
    gate::camera::LatestFrame latest;
    for (qint64 ns : {1, 2, 3})
        latest.put({cv::Mat(), ns});
    std::stop_source stop;
    const auto taken = latest.take(stop.get_token());
    QVERIFY(taken);
    QCOMPARE(taken->capturedNs, qint64(3));
    stop.request_stop();
    QVERIFY(!latest.take(stop.get_token())); // nothing new: gives up once stopped
}

QTEST_GUILESS_MAIN(TestCameraReplay)
#include "tst_camerareplay.moc"
