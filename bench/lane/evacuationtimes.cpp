#include "evacuationtimes.h"

#include "benchreport.h"
#include "simulatorprocess.h"

#include "core/lane/lanecontroller.h"
#include "laneprofile.h"
#include "modbuslanefactory.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <random>

namespace gate::bench {

namespace {

constexpr int samplesPerCase = 100;

qint64 steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isEmergencyOpen(const QJsonObject &line, bool coils) {
    if (coils)
        return line.value(QStringLiteral("coil")) == 5 && line.value(QStringLiteral("on")) == true;
    return line.contains(QStringLiteral("command")) && line.value(QStringLiteral("code")) == 9;
}

// The gate's side of one lane: driver on its bus thread, controller on a
// deciding thread whose progress the driver's heartbeat depends on.
class GateSide {
public:
    GateSide(std::unique_ptr<hal::LaneActuator> actuator) {
        m_deciding.start();
        auto progress = std::make_shared<hal::ProgressMark>();
        auto *ticker = new QTimer;
        ticker->setInterval(50);
        QObject::connect(ticker, &QTimer::timeout, ticker, [progress] { progress->mark(); });
        ticker->moveToThread(&m_deciding);
        QObject::connect(&m_deciding, &QThread::finished, ticker, &QObject::deleteLater);
        QMetaObject::invokeMethod(ticker, qOverload<>(&QTimer::start));
        actuator->setSupervisorProgress(progress, 500);
        m_lane = std::make_unique<hal::LaneActuatorThread>(std::move(actuator));
        m_controller = new LaneController(m_lane->actuator(), {});
        m_controller->moveToThread(&m_deciding);
        QObject::connect(&m_deciding, &QThread::finished, m_controller, &QObject::deleteLater);
    }
    ~GateSide() {
        m_deciding.quit();
        m_deciding.wait();
        m_lane.reset();
    }

    // Runs `call(controller)` on the deciding thread and waits for it.
    template <typename Call> void onDeciding(Call &&call) {
        QMetaObject::invokeMethod(
            m_controller, [&] { call(*m_controller); }, Qt::BlockingQueuedConnection);
    }
    bool waitUntil(const std::function<bool(const LaneController &)> &condition, int timeoutMs) {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            bool met = false;
            onDeciding([&](const LaneController &lane) { met = condition(lane); });
            if (met)
                return true;
            if (deadline.hasExpired())
                return false;
            QThread::msleep(5);
        }
    }
    // Holds the deciding thread until release() (returns once it is held).
    void block() {
        QSemaphore held;
        QMetaObject::invokeMethod(m_controller, [this, &held] {
            held.release();
            m_release.acquire();
        });
        held.acquire();
    }
    void release() { m_release.release(); }

private:
    QThread m_deciding;
    std::unique_ptr<hal::LaneActuatorThread> m_lane;
    LaneController *m_controller;
    QSemaphore m_release;
};

std::optional<std::vector<double>> evacuationTimes(bool coils, bool blockDeciding) {
    SimulatorProcess sim;
    const QString endpoint = sim.start({QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--no-fire-release"),
                                        QStringLiteral("--door-ms"), QStringLiteral("50")},
                                       QStringLiteral("tcp"));
    if (endpoint.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QJsonObject settings{{QStringLiteral("url"), QStringLiteral("tcp://") + endpoint}};
    if (coils) {
        QFile profile(dir.filePath(QStringLiteral("coils.json")));
        if (!profile.open(QIODevice::WriteOnly))
            return std::nullopt;
        profile.write(R"({"kind": "coils"})");
        settings.insert(QStringLiteral("profile"), profile.fileName());
    }
    QString error;
    auto actuator = modbuslane::createModbusLane(QStringLiteral("bench"), settings, &error);
    if (!actuator) {
        std::fprintf(stderr, "bench-lane: %s\n", qPrintable(error));
        return std::nullopt;
    }
    GateSide gate(std::move(actuator));
    const auto ready = [](const LaneController &lane) { return lane.readyForPassenger(); };
    // Fire at any point of the poll cycle.
    std::mt19937 random(1);
    std::uniform_int_distribution<int> phaseMs(0, modbuslane::LaneProfile{}.pollPeriodMs);
    std::vector<double> samples;
    for (int i = 0; i < samplesPerCase; ++i) {
        if (!gate.waitUntil(ready, 10000))
            return std::nullopt;
        sim.waitFor([](const QJsonObject &) { return false; }, 50); // drain older lines
        QThread::msleep(quint64(phaseMs(random)));
        if (blockDeciding)
            gate.block();
        const qint64 raisedNs = steadyNs();
        sim.send("fire on");
        const bool opened = sim.waitFor(
            [coils](const QJsonObject &line) { return isEmergencyOpen(line, coils); }, 5000);
        const qint64 openNs = steadyNs();
        if (blockDeciding)
            gate.release();
        if (!opened)
            return std::nullopt;
        samples.push_back(double(openNs - raisedNs) / 1e6);
        // Fire over, then staff reset, as in the station: once the
        // controller has seen the fire input on, and then off.
        const auto fireInput = [](const LaneController &lane) {
            return lane.snapshot().status.input(hal::LaneInput::FireAlarm);
        };
        if (!gate.waitUntil(fireInput, 5000))
            return std::nullopt;
        sim.send("fire off");
        const auto fireOver = [&](const LaneController &lane) {
            return lane.snapshot().emergencyLatched && !fireInput(lane);
        };
        if (!gate.waitUntil(fireOver, 5000))
            return std::nullopt;
        gate.onDeciding([](LaneController &lane) {
            lane.serviceCommand(LaneServiceCommand::EmergencyReset, QStringLiteral("BENCH"));
        });
    }
    return samples;
}

} // namespace

std::optional<QJsonObject> measureEvacuationTimes() {
    QJsonObject results;
    for (const bool coils : {false, true}) {
        QJsonObject profile;
        for (const bool blocked : {false, true}) {
            const auto samples = evacuationTimes(coils, blocked);
            if (!samples)
                return std::nullopt;
            profile.insert(blocked ? QStringLiteral("deciding_blocked")
                                   : QStringLiteral("deciding_idle"),
                           summarize(*samples));
        }
        results.insert(coils ? QStringLiteral("coils") : QStringLiteral("registers"), profile);
    }
    const int pollMs = modbuslane::LaneProfile{}.pollPeriodMs;
    results.insert(QStringLiteral("poll_period_ms"), pollMs);
    results.insert(QStringLiteral("goal_ms"), pollMs + 10);
    return results;
}

} // namespace gate::bench
