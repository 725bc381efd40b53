#include "ops/journallog.h"
#include "ops/statusserver.h"
#include "ops/systemdnotifier.h"
#include "ops/threadliveness.h"

#include "notifysocket.h"
#include "support/testpeer.h"

#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gate;

namespace {

QString binDir() {
    return qEnvironmentVariable("GATE_BIN_DIR", QCoreApplication::applicationDirPath());
}

// The process ids a process started, from /proc (Linux 3.5+).
QList<qint64> childrenOf(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> pids;
    if (file.open(QIODevice::ReadOnly))
        for (const QByteArray &child : file.readAll().simplified().split(' '))
            if (!child.isEmpty())
                pids.append(child.toLongLong());
    return pids;
}

// Alive and not a zombie waiting for its new parent to reap it.
bool isRunning(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(')');
    return afterName > 0 && line.mid(afterName + 2, 1) != "Z";
}

} // namespace

class OpsServiceTest : public QObject {
    Q_OBJECT

private slots:
    void notifyProtocolAgainstARealSocket() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notify"));
        NotifySocket systemd(path);
        QVERIFY(systemd.isBound());
        qputenv("NOTIFY_SOCKET", QFile::encodeName(path));
        qputenv("WATCHDOG_USEC", "200000");
        qputenv("WATCHDOG_PID", QByteArray::number(::getpid()));

        SystemdNotifier notifier;
        QVERIFY(notifier.isSupervised());
        QCOMPARE(notifier.watchdogInterval(), std::chrono::milliseconds(100));
        QVERIFY(notifier.ready(QStringLiteral("devices and stores up")));
        QCOMPARE(systemd.receive(), QByteArray("READY=1\nSTATUS=devices and stores up"));
        // The watchdog is fed from this thread's event loop.
        bool fed = false;
        QTRY_VERIFY(fed || (fed = systemd.receive() == "WATCHDOG=1"));
        QByteArray datagram;
        QVERIFY(notifier.status(QStringLiteral("ticket list stale")));
        while ((datagram = systemd.receive()) == "WATCHDOG=1") {
        }
        QCOMPARE(datagram, QByteArray("STATUS=ticket list stale"));
        QVERIFY(notifier.stopping());
        while ((datagram = systemd.receive()) == "WATCHDOG=1") {
        }
        QCOMPARE(datagram, QByteArray("STOPPING=1"));

        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        qunsetenv("WATCHDOG_PID");
        SystemdNotifier unsupervised;
        QVERIFY(!unsupervised.isSupervised());
        QCOMPARE(unsupervised.watchdogInterval(), std::chrono::milliseconds(0));
        QVERIFY(!unsupervised.ready());
    }

    // The watchdog vouches for every watched thread: one stuck thread stops
    // the pings and says which; they resume once it moves again.
    void watchdogIsWithheldWhileAThreadIsStuck() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notify"));
        NotifySocket systemd(path);
        QVERIFY(systemd.isBound());
        qputenv("NOTIFY_SOCKET", QFile::encodeName(path));
        qputenv("WATCHDOG_USEC", "200000");
        QThread deciding;
        deciding.start();
        ThreadLiveness liveness(10);
        liveness.watch(QStringLiteral("gui"), QThread::currentThread());
        liveness.watch(QStringLiteral("deciding"), &deciding);
        SystemdNotifier notifier(&liveness);
        bool fed = false;
        QTRY_VERIFY(fed || (fed = systemd.receive() == "WATCHDOG=1"));

        QSemaphore release;
        QObject onDeciding;
        onDeciding.moveToThread(&deciding);
        const auto unblock = qScopeGuard([&] {
            release.release();
            deciding.quit();
            deciding.wait();
        });
        QMetaObject::invokeMethod(&onDeciding, [&release] { release.acquire(); });
        QByteArray datagram;
        // (QTRY_VERIFY evaluates its expression once more after success.)
        const auto nextStarts = [&](const char *prefix) {
            return datagram.startsWith(prefix) || (datagram = systemd.receive()).startsWith(prefix);
        };
        QTRY_VERIFY(nextStarts("STATUS="));
        QCOMPARE(datagram, QByteArray("STATUS=watchdog withheld: no progress on deciding"));
        // Nothing more while the thread is stuck.
        QTest::qWait(300);
        QCOMPARE(systemd.receive(), QByteArray());

        release.release();
        datagram.clear();
        QTRY_VERIFY(nextStarts("WATCHDOG=1"));
        QCOMPARE(datagram, QByteArray("WATCHDOG=1\nSTATUS=running"));
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
    }

    void statusSocketAnswersTheSnapshot() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("status.sock"));
        int asked = 0;
        StatusServer server([&] {
            ++asked;
            return QJsonObject{{QStringLiteral("gate"), "VNP-A2-01"},
                               {QStringLiteral("outbox"), QJsonObject{{"backlog", 3}}},
                               {QStringLiteral("asked"), asked}};
        });
        QString error;
        QVERIFY2(server.listen(path, &error), qPrintable(error));

        for (int expected = 1; expected <= 2; ++expected) {
            QLocalSocket client;
            client.connectToServer(path);
            QVERIFY(client.waitForConnected(5000));
            QTRY_COMPARE(client.state(), QLocalSocket::UnconnectedState);
            const QJsonObject answer = QJsonDocument::fromJson(client.readAll()).object();
            QCOMPARE(answer.value(QStringLiteral("gate")).toString(), QStringLiteral("VNP-A2-01"));
            QCOMPARE(answer.value(QStringLiteral("asked")).toInt(), expected);
        }

        StatusServer second([] { return QJsonObject{}; });
        QVERIFY(!second.listen(path, &error));
        QVERIFY2(error.contains(QLatin1String("in use")), qPrintable(error));
        server.close();
    }

    void staleSocketFileIsReplaced() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("status.sock"));
        {
            NotifySocket leftover(path); // bound, then closed without unlinking
        }
        QVERIFY(QFile::exists(path));
        StatusServer server([] { return QJsonObject{{QStringLiteral("ok"), true}}; });
        QString error;
        QVERIFY2(server.listen(path, &error), qPrintable(error));
    }

    void gatectlStatusPrintsTheSnapshot() {
        const QString gatectl = binDir() + QStringLiteral("/gatectl");
        if (!QFile::exists(gatectl))
            QSKIP("gatectl is not built");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("status.sock"));
        const QJsonObject snapshot{{QStringLiteral("gate"), "VNP-A2-01"},
                                   {QStringLiteral("list_seq"), 101}};
        StatusServer server([&] { return snapshot; });
        QString error;
        QVERIFY2(server.listen(path, &error), qPrintable(error));

        // gatectl runs while this event loop answers it.
        QProcess process;
        process.start(gatectl, {QStringLiteral("status"), QStringLiteral("--socket"), path});
        QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 20'000);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput()).object(), snapshot);

        server.close();
        process.start(gatectl, {QStringLiteral("status"), QStringLiteral("--socket"), path});
        QVERIFY(process.waitForFinished(20'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(process.readAllStandardError().contains("the gate is not running"));
    }

    // systemctl stop sends SIGTERM: the gate says STOPPING=1, stops its
    // companion processes and exits 0 instead of dying on the signal.
    void sigtermStopsTheGateCleanly() {
        const QString gateApp = binDir() + QStringLiteral("/gate-app");
        if (!QFile::exists(gateApp))
            QSKIP("gate-app is not built");
        QTemporaryDir dir;
        const QString socketPath = dir.filePath(QStringLiteral("notify"));
        NotifySocket systemd(socketPath);
        QVERIFY(systemd.isBound());
        QProcess gate;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gate.setProcessEnvironment(environment);
        gate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        gate.start(gateApp, {QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("demo"))});
        QVERIFY(gate.waitForStarted());
        bool ready = false;
        QTRY_VERIFY_WITH_TIMEOUT(ready || (ready = systemd.receive().startsWith("READY=1")),
                                 60'000);
        const QList<qint64> children = childrenOf(gate.processId());
        QVERIFY2(!children.isEmpty(), "the demo runs its lane simulator as a child");

        ::kill(pid_t(gate.processId()), SIGTERM);
        QVERIFY(gate.waitForFinished(30'000));
        QCOMPARE(gate.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gate.exitCode(), 0);
        QByteArray datagram;
        while (!(datagram = systemd.receive()).isEmpty() && datagram != "STOPPING=1") {
        }
        QCOMPARE(datagram, QByteArray("STOPPING=1"));
        for (const qint64 child : children)
            QTRY_VERIFY2(!isRunning(child), "a child of the gate outlived it");
    }

    void journalFieldsCarryGateLaneAndReason() {
        const QMessageLogContext context("lane.cpp", 42, "f", "gate.lane");
        const QByteArrayList fields =
            journalFields(QtWarningMsg, context,
                          QStringLiteral("barrier link lost, reason=link_loss; lane closed"),
                          {QStringLiteral("VNP-A2-01"), QStringLiteral("A2")});
        QVERIFY(fields.contains("MESSAGE=barrier link lost, reason=link_loss; lane closed"));
        QVERIFY(fields.contains("PRIORITY=4"));
        QVERIFY(fields.contains("GATE_ID=VNP-A2-01"));
        QVERIFY(fields.contains("LANE=A2"));
        QVERIFY(fields.contains("REASON=link_loss"));
        QVERIFY(fields.contains("QT_CATEGORY=gate.lane"));
        QVERIFY(fields.contains("CODE_LINE=42"));

        const QByteArrayList plain =
            journalFields(QtInfoMsg, QMessageLogContext(), QStringLiteral("started"), {});
        QVERIFY(plain.contains("PRIORITY=6"));
        QVERIFY(plain.contains("QT_CATEGORY=default"));
        for (const QByteArray &field : plain)
            QVERIFY(!field.startsWith("REASON=") && !field.startsWith("GATE_ID="));
    }

    void systemdFilesVerify() {
        GATE_REQUIRE_PEER("systemd-analyze");
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        QFile unit(QStringLiteral(GATE_BINARY_DIR "/systemd/gate-app.service"));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        QByteArray text = unit.readAll();
        // verify checks that ExecStart is executable: point it at a program that exists here.
        const qsizetype start = text.indexOf("ExecStart=");
        QVERIFY(start >= 0);
        text.replace(start, text.indexOf(' ', start) - start,
                     "ExecStart=" + QFile::encodeName(QCoreApplication::applicationFilePath()));
        QTemporaryDir dir;
        QFile copy(dir.filePath(QStringLiteral("gate-app.service")));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(text);
        copy.close();

        QProcess verify;
        verify.start(analyze,
                     {QStringLiteral("verify"), QStringLiteral("--man=no"), copy.fileName()});
        QVERIFY(verify.waitForFinished(60'000));
        const QByteArray complaints = verify.readAllStandardError();
        QVERIFY2(verify.exitCode() == 0 && complaints.isEmpty(), complaints.constData());

        const QString sysusers = QStandardPaths::findExecutable(QStringLiteral("systemd-sysusers"));
        if (sysusers.isEmpty())
            return;
        QProcess users;
        users.setProcessChannelMode(QProcess::MergedChannels);
        users.start(sysusers,
                    {QStringLiteral("--dry-run"), QStringLiteral("--root=") + dir.path(),
                     QStringLiteral(GATE_SOURCE_DIR "/systemd/station-gate.sysusers.conf")});
        QVERIFY(users.waitForFinished(60'000));
        const QByteArray report = users.readAll();
        QVERIFY2(users.exitCode() == 0, report.constData());
        QVERIFY2(report.contains("Creating user 'station-gate'"), report.constData());
    }
};

QTEST_GUILESS_MAIN(OpsServiceTest)
#include "tst_opsservice.moc"
