#include "lanerig.h"
#include "support/gatetools.h"

bool LaneRig::start(Transport transport, const QStringList &simArguments,
                    const QJsonObject &profile) {
    QStringList arguments{QStringLiteral("--door-ms"),       QStringLiteral("50"),
                          QStringLiteral("--walk-delay-ms"), QStringLiteral("50"),
                          QStringLiteral("--walk-ms"),       QStringLiteral("150")};
    QString readyKey;
    if (transport == Transport::Tcp) {
        arguments << QStringLiteral("--tcp") << QStringLiteral("127.0.0.1:0");
        readyKey = QStringLiteral("tcp");
    } else {
        arguments << QStringLiteral("--rtu-link") << m_dir.filePath(QStringLiteral("lane-tty"));
        readyKey = QStringLiteral("link");
    }
    const QString endpoint = m_sim.start(gate::test::gateBinary(QStringLiteral("gate-lane-sim")),
                                         arguments + simArguments, readyKey);
    if (endpoint.isEmpty()) {
        m_error = QStringLiteral("the simulator did not start: ") + m_sim.errors();
        return false;
    }
    m_url = transport == Transport::Tcp ? QStringLiteral("tcp://") + endpoint
                                        : QStringLiteral("rtu:%1,115200").arg(endpoint);
    m_profilePath = writeFastProfile(m_dir, profile);
    m_lane = startLane(m_url, m_profilePath);
    gate::LaneControllerSettings settings;
    settings.passTimeoutMs = 3000;
    m_controller = std::make_unique<gate::LaneController>(m_lane->actuator(), settings);
    return true;
}

void LaneRig::stopGate() {
    m_controller.reset();
    m_lane.reset();
}

void LaneRig::stop() {
    stopGate();
    m_sim.stop();
}
