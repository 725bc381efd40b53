#include "gaterun.h"

#include "benchstation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

namespace gate::e2e {

namespace {

QJsonObject statusOf(const QString &socketPath) {
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(1000))
        return {};
    QByteArray answer;
    while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(1000))
        answer += socket.readAll();
    answer += socket.readAll();
    return QJsonDocument::fromJson(answer).object();
}

QJsonObject gateConfig(const GateRunSetup &setup, const Station &station, const QString &stateDir,
                       const QString &laneAddress) {
    QJsonArray devices = setup.credentialSources;
    QJsonObject laneSettings{{"url", "tcp://" + laneAddress}};
    if (!setup.laneProfile.isEmpty())
        laneSettings.insert("profile", setup.laneProfile);
    devices.append(QJsonObject{
        {"name", "lane"}, {"plugin", "modbus-lane"}, {"role", "lane"}, {"settings", laneSettings}});
    QJsonObject config{
        {"gate", QJsonObject{{"id", "BENCH-A1-01"},
                             {"station", "VNP"},
                             {"gate_group", "A1"},
                             {"direction", "entry"}}},
        {"state_dir", stateDir},
        {"devices", devices},
        {"tickets", QJsonObject{{"source", station.listUrl()},
                                {"root_key", station.rootKey()},
                                {"device_key", station.deviceKeyFile()},
                                {"interval_s", setup.listIntervalS}}},
        {"status_socket", QDir(stateDir).absoluteFilePath(QStringLiteral("status.sock"))}};
    if (setup.logSyncPort)
        config.insert("log_sync",
                      QJsonObject{{"host", "127.0.0.1"},
                                  {"port", *setup.logSyncPort},
                                  {"retry", QJsonObject{{"min_ms", 250}, {"max_ms", 1000}}}});
    for (auto section = setup.configSections.begin(); section != setup.configSections.end();
         ++section)
        config.insert(section.key(), section.value());
    return config;
}

} // namespace

int RunFigures::laneEventCount(const QString &name) const {
    return int(std::count_if(laneEvents.begin(), laneEvents.end(),
                             [&](const auto &event) { return event.second == name; }));
}

RunFigures runGate(Station &station, const GateRunSetup &setup) {
    const QString stateDir = station.path(setup.name);
    QDir().mkpath(stateDir);
    station.syncInto(QDir(stateDir).absoluteFilePath(QStringLiteral("tickets.db")));

    RunFigures figures;
    QElapsedTimer clock;
    QProcess lane;
    lane.start(binary(QStringLiteral("gate-lane-sim")),
               QStringList{QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0")} +
                   setup.laneArguments);
    if (!lane.waitForStarted() || !lane.waitForReadyRead(10'000))
        abortBench(QStringLiteral("gate-lane-sim did not start"));
    const QString laneAddress =
        QJsonDocument::fromJson(lane.readLine()).object().value(QStringLiteral("tcp")).toString();
    if (laneAddress.isEmpty())
        abortBench(QStringLiteral("gate-lane-sim printed no address"));
    QObject::connect(&lane, &QProcess::readyReadStandardOutput, [&] {
        while (lane.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(lane.readLine()).object();
            const QString event = line.value(QStringLiteral("event")).toString();
            if (!event.isEmpty())
                figures.laneEvents.emplace_back(clock.elapsed(), event);
        }
    });

    const QString configPath = QDir(stateDir).absoluteFilePath(QStringLiteral("gate.json"));
    writeFile(configPath,
              QJsonDocument(gateConfig(setup, station, stateDir, laneAddress)).toJson());
    const QString statusSocket = QDir(stateDir).absoluteFilePath(QStringLiteral("status.sock"));

    QProcess gate;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gate.setProcessEnvironment(environment);
    QFile log(QDir(stateDir).absoluteFilePath(QStringLiteral("gate.log")));
    if (!log.open(QIODevice::WriteOnly))
        abortBench(QStringLiteral("cannot write %1").arg(log.fileName()));
    QObject::connect(&gate, &QProcess::readyReadStandardError, [&] {
        const QByteArray text = gate.readAllStandardError();
        log.write(text);
        if (figures.readyAtMs < 0 && text.contains(" ready at "))
            figures.readyAtMs = clock.elapsed();
    });
    static const QRegularExpression decided(
        QStringLiteral("#(\\d+) (ADMIT|DENY) +(\\S+) .*reason=(\\S+?):.*\\(decided ([0-9.]+) ms "
                       "after the read\\)"));
    static const QRegularExpression opened(
        QStringLiteral("#(\\d+) barrier open, acknowledged ([0-9.]+) ms after the read"));
    static const QRegularExpression passed(QStringLiteral("#(\\d+) passage passed$"));
    bool firstOpenSeen = false;
    QObject::connect(&gate, &QProcess::readyReadStandardOutput, [&] {
        while (gate.canReadLine()) {
            const QString line = QString::fromUtf8(gate.readLine()).trimmed();
            if (const auto match = decided.match(line); match.hasMatch()) {
                Passage &passage = figures.passages[match.captured(1).toLongLong()];
                passage.admitted = match.captured(2) == QLatin1String("ADMIT");
                passage.kind = match.captured(3);
                passage.reason = match.captured(4);
                passage.readToDecisionMs = match.captured(5).toDouble();
                ++figures.decisions;
                figures.admitted += passage.admitted;
            } else if (const auto match = opened.match(line); match.hasMatch()) {
                Passage &passage = figures.passages[match.captured(1).toLongLong()];
                passage.readToAckMs = match.captured(2).toDouble();
                passage.ackAtMs = clock.elapsed();
                passage.readAtMs = passage.ackAtMs - qint64(passage.readToAckMs + 0.5);
                if (!firstOpenSeen) {
                    firstOpenSeen = true;
                    setup.atFirstOpen();
                }
            } else if (const auto match = passed.match(line); match.hasMatch()) {
                setup.onPassage(match.captured(1).toLongLong());
            } else if (line.contains(QLatin1String("ADMIT")) ||
                       line.contains(QLatin1String("DENY"))) {
                QTextStream(stderr) << "bench-e2e: unparsed decision line: " << line << '\n';
            }
        }
    });
    QTimer rssTimer;
    QObject::connect(&rssTimer, &QTimer::timeout, [&] {
        const Resident resident = residentOf(gate.processId());
        if (resident.totalKiB > 0)
            figures.rss.push_back({clock.elapsed(), figures.decisions, resident});
    });
    QTimer statusTimer;
    QObject::connect(&statusTimer, &QTimer::timeout, [&] {
        if (const QJsonObject status = statusOf(statusSocket); !status.isEmpty())
            setup.onStatus(status);
    });
    QEventLoop loop;
    QObject::connect(&gate, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, [&] {
        figures.stoppedAtDeadline = true;
        gate.terminate();
        if (!gate.waitForFinished(30'000)) {
            QTextStream(stderr) << "bench-e2e: gate-app did not stop on SIGTERM, killing it\n";
            gate.kill();
        }
    });
    QStringList arguments{QStringLiteral("--config"), configPath};
    if (setup.exitAfterDecisions > 0)
        arguments << QStringLiteral("--exit-after") << QString::number(setup.exitAfterDecisions);
    setup.beforeGateStart();
    clock.start();
    gate.start(binary(QStringLiteral("gate-app")), arguments);
    if (!gate.waitForStarted())
        abortBench(QStringLiteral("gate-app did not start"));
    rssTimer.start(setup.rssSampleMs);
    if (setup.onStatus)
        statusTimer.start(1000); // ops asking the gate, only where the run watches its status
    deadline.start(std::chrono::milliseconds(setup.deadlineMs));
    loop.exec();
    rssTimer.stop();
    statusTimer.stop();
    deadline.stop();
    figures.gateExitCode = gate.exitStatus() == QProcess::NormalExit ? gate.exitCode() : -1;
    log.write(gate.readAllStandardError());
    log.close();
    if (figures.gateExitCode != 0 && log.open(QIODevice::ReadOnly))
        QTextStream(stderr) << "bench-e2e: gate-app failed in run " << setup.name << ":\n"
                            << log.readAll().right(4096);
    lane.terminate();
    lane.waitForFinished();
    return figures;
}

} // namespace gate::e2e
