// bench-lane: command -> acknowledgement latency of the modbus-lane driver
// against the lane simulator over TCP loopback and RTU on a pty at 115200,
// how many polls one bus sustains back to back, and fire input -> emergency
// open acknowledged by the lane (evacuationtimes.h).
#include "benchreport.h"
#include "evacuationtimes.h"
#include "simulatorprocess.h"

#include "hal/modbus/modbusbus.h"
#include "modbuslanefactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>

namespace {

using gate::hal::LaneActuator;
using gate::hal::LaneCommand;
using gate::hal::LaneCommandResult;

constexpr int commandsPerTransport = 400;
constexpr int pollSeconds = 2;

qint64 steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Waits for the link, then sends commands one at a time and records the time
// from the call (the gate's decision) to the acknowledgement; counts the
// commands that ended otherwise, by LaneCommandResult value.
std::optional<std::vector<double>> acknowledgementTimes(const QString &url,
                                                        std::map<int, int> &failures) {
    QString error;
    auto actuator = gate::modbuslane::createModbusLane(QStringLiteral("bench"),
                                                       {{QStringLiteral("url"), url}}, &error);
    if (!actuator) {
        std::fprintf(stderr, "bench-lane: %s\n", qPrintable(error));
        return std::nullopt;
    }
    gate::hal::LaneActuatorThread lane(std::move(actuator));
    QEventLoop loop;
    bool linkUp = false;
    QObject context;
    QObject::connect(lane.actuator(), &LaneActuator::statusChanged, &context,
                     [&](const gate::hal::LaneStatus &status) {
                         if (status.linkUp && !linkUp) {
                             linkUp = true;
                             loop.quit();
                         }
                     });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!linkUp)
        return std::nullopt;

    std::vector<double> samples;
    qint64 sentNs = 0;
    QObject::connect(lane.actuator(), &LaneActuator::commandDone, &context,
                     [&](quint64, LaneCommandResult result, qint64 doneNs) {
                         if (result == LaneCommandResult::Ok)
                             samples.push_back(double(doneNs - sentNs) / 1e6);
                         else
                             ++failures[int(result)];
                         loop.quit();
                     });
    for (int i = 0; i < commandsPerTransport; ++i) {
        sentNs = steadyNs();
        // Alternate so that passes never pile up on the lane.
        lane.command(i % 2 ? LaneCommand::Close : LaneCommand::OpenEntry, 1, quint64(i));
        loop.exec();
    }
    return samples;
}

// Back-to-back polls (heartbeat write + status block read) for a while.
double pollsPerSecond(const QString &url) {
    const auto endpoint = gate::hal::ModbusEndpoint::parse(url, nullptr);
    gate::hal::ModbusBus bus(*endpoint, {});
    quint16 block[15];
    quint16 heartbeat = 0;
    int polls = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < pollSeconds * 1000) {
        if (bus.writeRegister(1, 3, ++heartbeat) && bus.readInputRegisters(1, 0, 15, block))
            ++polls;
    }
    return polls / (double(elapsed.nsecsElapsed()) / 1e9);
}

std::optional<QJsonObject> measure(const QString &url) {
    std::map<int, int> failures;
    const auto samples = acknowledgementTimes(url, failures);
    if (!samples || samples->empty())
        return std::nullopt;
    QJsonObject notOk;
    for (const auto &[result, count] : failures)
        notOk.insert(QString::number(result), count);
    return QJsonObject{{QStringLiteral("ack_ms"), gate::bench::summarize(*samples)},
                       {QStringLiteral("not_ok_by_result"), notOk},
                       {QStringLiteral("polls_per_s"), qRound(pollsPerSecond(url))}};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QJsonObject results;
    {
        gate::bench::SimulatorProcess sim;
        const QString endpoint = sim.start({QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:0")},
                                           QStringLiteral("tcp"));
        const auto tcp =
            endpoint.isEmpty() ? std::nullopt : measure(QStringLiteral("tcp://") + endpoint);
        if (!tcp) {
            std::fprintf(stderr, "bench-lane: no lane over TCP\n");
            return 1;
        }
        results.insert(QStringLiteral("tcp_loopback"), *tcp);
    }
    {
        QTemporaryDir dir;
        gate::bench::SimulatorProcess sim;
        const QString link =
            sim.start({QStringLiteral("--rtu-link"), dir.filePath(QStringLiteral("lane-tty"))},
                      QStringLiteral("link"));
        const auto rtu =
            link.isEmpty() ? std::nullopt : measure(QStringLiteral("rtu:%1,115200").arg(link));
        if (!rtu) {
            std::fprintf(stderr, "bench-lane: no lane over RTU\n");
            return 1;
        }
        results.insert(QStringLiteral("rtu_pty_115200"), *rtu);
    }
    const auto fire = gate::bench::measureEvacuationTimes();
    if (!fire) {
        std::fprintf(stderr, "bench-lane: fire measurement failed\n");
        return 1;
    }
    results.insert(QStringLiteral("fire_to_emergency_open_ms"), *fire);
    results.insert(QStringLiteral("commands"), commandsPerTransport);
    results.insert(QStringLiteral("note"),
                   QStringLiteral("ack_ms: command call to commandDone, default profile; a pty "
                                  "does not pace bytes at the baud rate"));
    gate::bench::printReport(QStringLiteral("lane"), results);
    return 0;
}
