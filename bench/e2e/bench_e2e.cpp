// bench-e2e: the whole gate, from a QR code in front of the camera to the
// lane's acknowledgement of the open command. Runs the real gate-app with the
// real camera plugin on a replay folder, the lane simulator over Modbus TCP
// and a ticket list synced by gatectl; reads the figures from gate-app's
// console and /proc.
#include "benchreport.h"
#include "core/credentials/holderkey.h"
#include "core/credentials/idcard/cardnumbers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <functional>
#include <map>

namespace {

constexpr int frameWidth = 1280;
constexpr int frameHeight = 720;
constexpr qint64 day = 24 * 3600;
const QString benchTrain = QStringLiteral("G9001");
const QString stressTrain = QStringLiteral("G9002");
// A holder key no identity maps to: e-tickets do not need one.
const QString anonymousHolder = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");

[[noreturn]] void abortBench(const QString &why) {
    QTextStream(stderr) << "bench-e2e: " << why << '\n';
    std::exit(1);
}

QString binary(const QString &name) {
    const QString dir =
        qEnvironmentVariable("GATE_BIN_DIR", QCoreApplication::applicationDirPath());
    const QString path = QDir(dir).absoluteFilePath(name);
    if (!QFile::exists(path))
        abortBench(QStringLiteral("%1 not found (build it, or set GATE_BIN_DIR)").arg(path));
    return path;
}

// Runs a tool to its end; its last line of standard output.
QByteArray runTool(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(binary(program), arguments);
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        abortBench(QStringLiteral("%1 %2 failed").arg(program, arguments.join(u' ')));
    return process.readAllStandardOutput().trimmed().split('\n').last();
}

QJsonObject runToolJson(const QString &program, const QStringList &arguments) {
    return QJsonDocument::fromJson(runTool(program, arguments)).object();
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        abortBench(QStringLiteral("cannot write %1").arg(path));
}

qint64 residentKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

struct Options {
    int passengers = 30;
    int fps = 10;
    int intervalMs = 1500;         // one passenger at a time: latency without queueing
    int saturatedIntervalMs = 600; // faster than the lane: its throughput
    int listTickets = 1'000'000;
    int cards = 10;
    int stressChanges = 10'000;
};

// The demo station of gate-issuer, synced, plus a train of our own with one
// e-ticket per benchmark passenger, shown to the camera as a replay folder.
class Station {
public:
    explicit Station(const QString &dir)
        : m_dir(dir) {
        const QJsonObject demo =
            runToolJson(QStringLiteral("gate-issuer"),
                        {QStringLiteral("demo-station"), QStringLiteral("--out"), path("station")});
        m_listUrl = demo.value(QStringLiteral("list_url")).toString();
        m_rootKey = demo.value(QStringLiteral("root_key")).toString();
        m_now = qint64(demo.value(QStringLiteral("now")).toDouble());
        if (m_listUrl.isEmpty() || m_rootKey.isEmpty())
            abortBench(QStringLiteral("gate-issuer demo-station printed no list"));
        m_listDir = QUrl(m_listUrl).toLocalFile();
        m_departure = m_now + 2 * 3600;
    }

    QString path(const QString &name) const { return QDir(m_dir).absoluteFilePath(name); }
    QString listUrl() const { return m_listUrl; }
    QString rootKey() const { return m_rootKey; }
    int seq() const { return m_seq; }

    // Replaces the demo list by `tickets` synthetic ones (their trains, the
    // demo's trust list), as a station of that size would publish it.
    void replaceBySyntheticList(int tickets) {
        m_listKey = QByteArray(32, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_listKey.data()), 8);
        const QString keys = path("keys.json");
        QFile::copy(QDir(m_listDir).absoluteFilePath(QStringLiteral("keys.json")), keys);
        runTool(QStringLiteral("gate-issuer"),
                {QStringLiteral("ticketlist"), QStringLiteral("--out"), m_listDir,
                 QStringLiteral("--root-key"), path("station/root-key.pem"),
                 QStringLiteral("--seq"), QString::number(++m_seq), QStringLiteral("--synthetic"),
                 QString::number(tickets), QStringLiteral("--keys"), keys,
                 QStringLiteral("--list-key"), "1:" + QString::fromLatin1(m_listKey.toBase64()),
                 QStringLiteral("--valid-for"), QString::number(6 * 3600)});
    }

    static QStringList benchTicketIds(int count) {
        QStringList tids;
        for (int i = 0; i < count; ++i)
            tids.append(QStringLiteral("E2E%1").arg(i, 5, 10, QLatin1Char('0')));
        return tids;
    }

    // Synthetic resident ID card numbers with their check character.
    static QStringList cardNumbers(int count) {
        QStringList numbers;
        for (int i = 0; i < count; ++i) {
            const QString first17 =
                QStringLiteral("11010519900101%1").arg(i, 3, 10, QLatin1Char('0'));
            numbers.append(first17 + gate::idcard::mod112CheckCharacter(first17));
        }
        return numbers;
    }

    // The benchmark's train, open for check-in at gate A1, and these tickets on
    // it: e-tickets by id, and one ticket per ID card number (needs the list
    // key of replaceBySyntheticList).
    void publishBenchTickets(const QStringList &tids, const QStringList &cards = {}) {
        QList<QByteArray> lines{trainRecord(benchTrain)};
        for (const QString &tid : tids)
            lines.append(ticketRecord(tid, benchTrain, int(lines.size())));
        for (const QString &number : cards)
            lines.append(ticketRecord(
                QStringLiteral("C%1").arg(lines.size(), 5, 10, QLatin1Char('0')), benchTrain,
                int(lines.size()), gate::holderKey(m_listKey, QStringLiteral("ID:") + number)));
        publishDelta(writeRecords(lines, QStringLiteral("bench-tickets.ndjson")));
    }

    // The gate-issuer arguments that publish a delta of `changes` records: new
    // tickets on another train, and `lateTids` (passengers that can only pass
    // once the gate applied that delta).
    QStringList stressDeltaArguments(int changes, const QStringList &lateTids) {
        QList<QByteArray> lines{trainRecord(stressTrain)};
        for (const QString &tid : lateTids)
            lines.append(ticketRecord(tid, benchTrain, int(lines.size())));
        for (int i = int(lines.size()); i < changes; ++i)
            lines.append(ticketRecord(QStringLiteral("S%1").arg(i, 7, 10, QLatin1Char('0')),
                                      stressTrain, i));
        return deltaArguments(writeRecords(lines, QStringLiteral("stress.ndjson")));
    }

    void syncInto(const QString &database) const {
        const QJsonObject synced = runToolJson(QStringLiteral("gatectl"),
                                               {QStringLiteral("tickets"), QStringLiteral("sync"),
                                                m_listUrl, QStringLiteral("--db"), database,
                                                QStringLiteral("--root-key"), m_rootKey});
        if (synced.value(QStringLiteral("outcome")).toString() != QLatin1String("applied"))
            abortBench(QStringLiteral("gatectl tickets sync did not apply the list"));
    }

    // A 1280x720 camera frame of the ticket's QR code, signed by the demo's ticket key.
    cv::Mat ticketFrame(const QString &tid) const {
        const QString png = path(QStringLiteral("code-%1.png").arg(tid));
        runTool(QStringLiteral("gate-issuer"), {QStringLiteral("code"),
                                                QStringLiteral("--key"),
                                                path("station/ticket-key.pem"),
                                                QStringLiteral("--tid"),
                                                tid,
                                                QStringLiteral("--trn"),
                                                benchTrain,
                                                QStringLiteral("--dep"),
                                                QStringLiteral("VNP"),
                                                QStringLiteral("--arr"),
                                                QStringLiteral("AOH"),
                                                QStringLiteral("--dpt"),
                                                QString::number(m_departure),
                                                QStringLiteral("--iat"),
                                                QString::number(m_now - day),
                                                QStringLiteral("--exp"),
                                                QString::number(m_departure + day),
                                                QStringLiteral("--car"),
                                                QStringLiteral("5"),
                                                QStringLiteral("--seat"),
                                                QStringLiteral("1A"),
                                                QStringLiteral("--png"),
                                                png});
        const cv::Mat code = cv::imread(png.toStdString(), cv::IMREAD_GRAYSCALE);
        if (code.empty() || code.cols > frameWidth || code.rows > frameHeight)
            abortBench(QStringLiteral("unusable QR image %1").arg(png));
        cv::Mat frame(frameHeight, frameWidth, CV_8UC1, cv::Scalar(255));
        code.copyTo(frame(cv::Rect((frameWidth - code.cols) / 2, (frameHeight - code.rows) / 2,
                                   code.cols, code.rows)));
        return frame;
    }

private:
    QByteArray trainRecord(const QString &trn) const {
        return QJsonDocument(QJsonObject{{"t", "train"},
                                         {"trn", trn},
                                         {"dpt", m_departure},
                                         {"open", m_now - 3600},
                                         {"close", m_departure - 300},
                                         {"gates", QJsonArray{"A1"}},
                                         {"status", "normal"}})
            .toJson(QJsonDocument::Compact);
    }

    QByteArray ticketRecord(const QString &tid, const QString &trn, int index,
                            const QString &holder = anonymousHolder) const {
        return QJsonDocument(QJsonObject{{"t", "ticket"},
                                         {"tid", tid},
                                         {"trn", trn},
                                         {"dep", "VNP"},
                                         {"arr", "AOH"},
                                         {"dpt", m_departure},
                                         {"car", 5},
                                         {"seat", QStringLiteral("%1A").arg(index % 100)},
                                         {"cls", "2"},
                                         {"holder", holder},
                                         {"status", "valid"},
                                         {"nm", "DEMO*"}})
            .toJson(QJsonDocument::Compact);
    }

    QString writeRecords(const QList<QByteArray> &lines, const QString &name) const {
        const QString records = path(name);
        writeFile(records, lines.join('\n') + '\n');
        return records;
    }

    QStringList deltaArguments(const QString &records) {
        return {QStringLiteral("ticketlist"),
                QStringLiteral("--out"),
                m_listDir,
                QStringLiteral("--root-key"),
                path("station/root-key.pem"),
                QStringLiteral("--seq"),
                QString::number(++m_seq),
                QStringLiteral("--delta"),
                QStringLiteral("--records"),
                records,
                QStringLiteral("--valid-for"),
                QString::number(6 * 3600)};
    }

    void publishDelta(const QString &records) {
        runTool(QStringLiteral("gate-issuer"), deltaArguments(records));
    }

    QString m_dir;
    QString m_listUrl;
    QString m_rootKey;
    QString m_listDir;
    QByteArray m_listKey;
    qint64 m_now = 0;
    qint64 m_departure = 0;
    int m_seq = 1;
};

constexpr int codeFrames = 3;

// The code's frames and enough empty ones after it for the camera to forget it (forget_ms 200).
int framesPerPassenger(const Options &options, int intervalMs) {
    return std::max(codeFrames + 3, intervalMs * options.fps / 1000);
}

// The replay folder: a lead-in of empty frames while the gate starts, then per
// passenger the code for a few frames and empty frames until the next one.
QString writeReplay(const Station &station, const QString &name, const QStringList &tids,
                    const Options &options, int intervalMs) {
    const QString folder = station.path(name);
    QDir().mkpath(folder);
    const cv::Mat empty(frameHeight, frameWidth, CV_8UC1, cv::Scalar(255));
    const QString emptyPath = station.path("empty.png");
    cv::imwrite(emptyPath.toStdString(), empty);
    int frame = 0;
    const auto link = [&](const QString &target) {
        const QString name =
            QStringLiteral("%1/frame-%2.png").arg(folder).arg(frame++, 6, 10, QLatin1Char('0'));
        if (!QFile::link(target, name))
            abortBench(QStringLiteral("cannot link %1").arg(name));
    };
    const int leadInFrames = 5 * options.fps;
    const int periodFrames = framesPerPassenger(options, intervalMs);
    for (int i = 0; i < leadInFrames; ++i)
        link(emptyPath);
    for (const QString &tid : tids) {
        const QString codePath = station.path(QStringLiteral("frame-%1.png").arg(tid));
        if (!QFile::exists(codePath))
            cv::imwrite(codePath.toStdString(), station.ticketFrame(tid));
        for (int i = 0; i < periodFrames; ++i)
            link(i < codeFrames ? codePath : emptyPath);
    }
    return folder;
}

QJsonObject cameraDevice(const QString &replay, const Options &options) {
    return {{"name", "camera"},
            {"plugin", "camera"},
            {"role", "credential-source"},
            {"settings", QJsonObject{{"source", "replay:" + replay},
                                     {"fps", options.fps},
                                     {"loop", false},
                                     {"forget_ms", 200}}}};
}

// gate-reader-sim on a pty presenting each card in turn; the sam-idreader device on it.
QJsonObject startReader(QProcess &reader, const Station &station, const QStringList &numbers,
                        const Options &options) {
    QJsonArray cards;
    for (const QString &number : numbers)
        cards.append(QJsonObject{{"type", "resident"},
                                 {"name_zh", "测试"},
                                 {"number", number},
                                 {"sex", "M"},
                                 {"birth", "1990-01-01"},
                                 {"valid_from", "2020-01-01"},
                                 {"valid_to", "2040-01-01"},
                                 {"ethnicity", "01"},
                                 {"address", "北京市东城区示例路1号"},
                                 {"authority", "北京市公安局东城分局"}});
    const QString cardsPath = station.path("cards.json");
    writeFile(cardsPath, QJsonDocument(cards).toJson());
    const QString link = station.path("reader");
    const int presentMs = options.intervalMs / 2;
    reader.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    reader.start(binary(QStringLiteral("gate-reader-sim")),
                 {QStringLiteral("--link"), link, QStringLiteral("--card"), cardsPath,
                  QStringLiteral("--present-ms"), QString::number(presentMs),
                  QStringLiteral("--absent-ms"), QString::number(options.intervalMs - presentMs)});
    if (!reader.waitForStarted() || !reader.waitForReadyRead(10'000))
        abortBench(QStringLiteral("gate-reader-sim did not start"));
    return {{"name", "reader"},
            {"plugin", "sam-idreader"},
            {"role", "credential-source"},
            {"settings", QJsonObject{{"port", link}, {"baud", 115200}, {"poll_ms", 100}}}};
}

struct RunFigures {
    std::map<QString, std::vector<double>> readToAckMs; // per credential kind
    std::vector<double> decidedMs;
    std::vector<qint64> passedAtMs; // bench clock, per lane passage
    int decisions = 0;
    int admitted = 0;
    qint64 rssStartKiB = -1;
    qint64 rssPeakKiB = -1;
    qint64 rssEndKiB = -1;
    int gateExitCode = -1;
};

// One run of gate-app against a fresh lane simulator; `duringRun` is called
// once the first barrier opened.
RunFigures runGate(
    Station &station, const QString &name, const QJsonObject &credentialSource, int decisions,
    const std::function<void()> &duringRun = [] {}) {
    const QString stateDir = station.path(name);
    QDir().mkpath(stateDir);
    station.syncInto(QDir(stateDir).absoluteFilePath(QStringLiteral("tickets.db")));

    RunFigures figures;
    QElapsedTimer clock;
    clock.start();
    QProcess lane;
    lane.start(binary(QStringLiteral("gate-lane-sim")),
               {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--passengers"), QStringLiteral("auto")});
    if (!lane.waitForStarted() || !lane.waitForReadyRead(10'000))
        abortBench(QStringLiteral("gate-lane-sim did not start"));
    const QString laneAddress =
        QJsonDocument::fromJson(lane.readLine()).object().value(QStringLiteral("tcp")).toString();
    if (laneAddress.isEmpty())
        abortBench(QStringLiteral("gate-lane-sim printed no address"));
    QObject::connect(&lane, &QProcess::readyReadStandardOutput, [&] {
        while (lane.canReadLine()) {
            const QJsonObject event = QJsonDocument::fromJson(lane.readLine()).object();
            if (event.value(QStringLiteral("event")).toString() == QLatin1String("passed_entry"))
                figures.passedAtMs.push_back(clock.elapsed());
        }
    });

    const QJsonObject config{
        {"gate", QJsonObject{{"id", "BENCH-A1-01"},
                             {"station", "VNP"},
                             {"gate_group", "A1"},
                             {"direction", "entry"}}},
        {"state_dir", stateDir},
        {"devices",
         QJsonArray{credentialSource,
                    QJsonObject{{"name", "lane"},
                                {"plugin", "modbus-lane"},
                                {"role", "lane"},
                                {"settings", QJsonObject{{"url", "tcp://" + laneAddress}}}}}},
        {"tickets", QJsonObject{{"source", station.listUrl()},
                                {"root_key", station.rootKey()},
                                {"interval_s", 5}}},
        {"status_socket", QDir(stateDir).absoluteFilePath(QStringLiteral("status.sock"))}};
    const QString configPath = QDir(stateDir).absoluteFilePath(QStringLiteral("gate.json"));
    writeFile(configPath, QJsonDocument(config).toJson());

    QProcess gate;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gate.setProcessEnvironment(environment);
    gate.setStandardErrorFile(QDir(stateDir).absoluteFilePath(QStringLiteral("gate.log")));
    static const QRegularExpression decided(
        QStringLiteral("#(\\d+) (ADMIT|DENY) +(\\S+) .*\\(decided ([0-9.]+) ms after the read\\)"));
    static const QRegularExpression opened(
        QStringLiteral("#(\\d+) barrier open, acknowledged ([0-9.]+) ms after the read"));
    std::map<qint64, QString> kindOfPassage;
    bool duringRunCalled = false;
    QObject::connect(&gate, &QProcess::readyReadStandardOutput, [&] {
        while (gate.canReadLine()) {
            const QString line = QString::fromUtf8(gate.readLine()).trimmed();
            if (const auto match = decided.match(line); match.hasMatch()) {
                // The start figure: list open, UI up, before the first passage.
                if (figures.decisions++ == 0)
                    figures.rssStartKiB = residentKiB(gate.processId());
                figures.admitted += match.captured(2) == QLatin1String("ADMIT");
                kindOfPassage[match.captured(1).toLongLong()] = match.captured(3);
                figures.decidedMs.push_back(match.captured(4).toDouble());
            } else if (const auto match = opened.match(line); match.hasMatch()) {
                figures.readToAckMs[kindOfPassage[match.captured(1).toLongLong()]].push_back(
                    match.captured(2).toDouble());
                if (!duringRunCalled) {
                    duringRunCalled = true;
                    duringRun();
                }
            } else if (line.contains(QLatin1String("ADMIT")) ||
                       line.contains(QLatin1String("DENY"))) {
                QTextStream(stderr) << "bench-e2e: unparsed decision line: " << line << '\n';
            }
        }
    });
    QTimer rssTimer;
    QObject::connect(&rssTimer, &QTimer::timeout, [&] {
        const qint64 rss = residentKiB(gate.processId());
        if (rss <= 0)
            return;
        figures.rssPeakKiB = std::max(figures.rssPeakKiB, rss);
        figures.rssEndKiB = rss;
    });
    QEventLoop loop;
    QObject::connect(&gate, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::minutes(10), &loop, [&] {
        QTextStream(stderr) << "bench-e2e: gate-app did not finish, stopping it\n";
        gate.kill();
    });
    gate.start(binary(QStringLiteral("gate-app")),
               {QStringLiteral("--config"), configPath, QStringLiteral("--exit-after"),
                QString::number(decisions)});
    if (!gate.waitForStarted())
        abortBench(QStringLiteral("gate-app did not start"));
    rssTimer.start(200);
    loop.exec();
    rssTimer.stop();
    figures.gateExitCode = gate.exitStatus() == QProcess::NormalExit ? gate.exitCode() : -1;
    if (figures.gateExitCode != 0) {
        QFile log(QDir(stateDir).absoluteFilePath(QStringLiteral("gate.log")));
        if (log.open(QIODevice::ReadOnly))
            QTextStream(stderr) << "bench-e2e: gate-app failed in run " << name << ":\n"
                                << log.readAll().right(4096);
    }
    lane.terminate();
    lane.waitForFinished();
    return figures;
}

QJsonObject report(const RunFigures &figures, int passengers) {
    QJsonObject latency;
    for (const auto &[kind, samples] : figures.readToAckMs)
        latency.insert(kind, gate::bench::summarize(samples));
    QJsonObject result{{"read_to_open_acknowledged_ms", latency},
                       {"read_to_decision_ms", gate::bench::summarize(figures.decidedMs)},
                       {"passengers_presented", passengers},
                       {"decisions", figures.decisions},
                       {"admitted", figures.admitted},
                       {"lane_passages", int(figures.passedAtMs.size())},
                       {"gate_exit_code", figures.gateExitCode},
                       {"gate_rss_kib", QJsonObject{{"start", figures.rssStartKiB},
                                                    {"peak", figures.rssPeakKiB},
                                                    {"end", figures.rssEndKiB}}}};
    if (figures.passedAtMs.size() >= 2) {
        const double spanMs = double(figures.passedAtMs.back() - figures.passedAtMs.front());
        result.insert("passengers_per_minute",
                      double(figures.passedAtMs.size() - 1) * 60'000.0 / spanMs);
    }
    return result;
}

Options parseOptions(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The whole gate end to end: camera read to lane acknowledgement, throughput, RSS."));
    parser.addHelpOption();
    const QCommandLineOption passengers(QStringLiteral("passengers"),
                                        QStringLiteral("Passengers per run (default 30)."),
                                        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption interval(
        QStringLiteral("interval-ms"),
        QStringLiteral("Time between two codes shown to the camera (default 1500)."),
        QStringLiteral("MS"), QStringLiteral("1500"));
    const QCommandLineOption listTickets(
        QStringLiteral("list-tickets"),
        QStringLiteral("Size of the stress run's ticket list (default 1000000)."),
        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption saturatedInterval(
        QStringLiteral("saturated-interval-ms"),
        QStringLiteral("The same for the throughput run (default 600, the least: 3 frames with the "
                       "code, 3 without)."),
        QStringLiteral("MS"), QStringLiteral("600"));
    const QCommandLineOption cards(QStringLiteral("cards"),
                                   QStringLiteral("ID cards in the reader run (default 10)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({passengers, interval, saturatedInterval, listTickets, cards});
    parser.process(app);
    Options options;
    options.passengers = std::clamp(parser.value(passengers).toInt(), 1, 10'000);
    options.intervalMs = std::clamp(parser.value(interval).toInt(), 300, 60'000);
    options.saturatedIntervalMs = std::clamp(parser.value(saturatedInterval).toInt(), 100, 60'000);
    options.cards = std::clamp(parser.value(cards).toInt(), 1, 999);
    options.listTickets = std::clamp(parser.value(listTickets).toInt(), 1, 5'000'000);
    return options;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    QTemporaryDir dir;
    if (!dir.isValid())
        abortBench(QStringLiteral("no temporary folder"));

    // The demo station's list and our passengers: one at a time (latency
    // without queueing), then faster than any lane serves them (throughput).
    Station station(dir.path());
    const QStringList tids = Station::benchTicketIds(options.passengers);
    station.publishBenchTickets(tids);
    const RunFigures quiet =
        runGate(station, QStringLiteral("quiet"),
                cameraDevice(writeReplay(station, QStringLiteral("replay-quiet"), tids, options,
                                         options.intervalMs),
                             options),
                options.passengers);
    const RunFigures saturated =
        runGate(station, QStringLiteral("saturated"),
                cameraDevice(writeReplay(station, QStringLiteral("replay-saturated"), tids, options,
                                         options.saturatedIntervalMs),
                             options),
                options.passengers);

    // A large list, and a 10,000-change delta published while passengers
    // pass; the last passengers' tickets are only in that delta.
    Station large(dir.filePath(QStringLiteral("large")));
    large.replaceBySyntheticList(options.listTickets);
    const qsizetype lateCount = std::min<qsizetype>(5, tids.size() / 3);
    const QStringList cards = Station::cardNumbers(options.cards);
    large.publishBenchTickets(tids.mid(0, tids.size() - lateCount), cards);
    QProcess publisher;
    publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList deltaArguments =
        large.stressDeltaArguments(options.stressChanges, tids.mid(tids.size() - lateCount));
    const RunFigures stress =
        runGate(large, QStringLiteral("stress"),
                cameraDevice(writeReplay(large, QStringLiteral("replay-stress"), tids, options,
                                         options.intervalMs),
                             options),
                options.passengers,
                [&] { publisher.start(binary(QStringLiteral("gate-issuer")), deltaArguments); });
    publisher.waitForFinished(600'000);
    const bool deltaPublished =
        publisher.exitStatus() == QProcess::NormalExit && publisher.exitCode() == 0;

    // ID cards on the reader simulator, the same large list.
    QProcess reader;
    const RunFigures idcards = runGate(large, QStringLiteral("idcards"),
                                       startReader(reader, large, cards, options), options.cards);
    reader.terminate();
    reader.waitForFinished();

    QJsonObject stressReport = report(stress, options.passengers);
    stressReport.insert("list_tickets", options.listTickets);
    stressReport.insert("delta_changes", options.stressChanges);
    stressReport.insert("delta_published", deltaPublished);
    stressReport.insert("passengers_only_in_delta", int(lateCount));
    gate::bench::printReport(
        QStringLiteral("bench-e2e"),
        QJsonObject{
            {"quiet", report(quiet, options.passengers)},
            {"saturated", report(saturated, options.passengers)},
            {"stress", stressReport},
            {"idcards", report(idcards, options.cards)},
            {"throughput_target_per_minute", 25},
            {"interval_ms", framesPerPassenger(options, options.intervalMs) * 1000 / options.fps},
            {"saturated_interval_ms",
             framesPerPassenger(options, options.saturatedIntervalMs) * 1000 / options.fps}});
    return 0;
}
