#pragma once

#include "lanemodel.h"
#include "modbusserver.h"

#include <QObject>

class QSocketNotifier;

namespace gate::lanesim {

// Faults and people injected at run time, one command per line on standard
// input (docs/lane.md lists them). Each line is answered with
// {"control": LINE, "ok": true|false[, "error": ...]}.
class ControlChannel : public QObject {
    Q_OBJECT
public:
    using Output = std::function<void(const QJsonObject &)>;

    ControlChannel(LaneModel &model, ModbusServer &server, const QElapsedTimer &clock,
                   Output output, QObject *parent = nullptr);

    // Runs one command line; an empty string when it was understood.
    QString run(const QString &line);

private:
    void readInput();

    LaneModel &m_model;
    ModbusServer &m_server;
    const QElapsedTimer &m_clock;
    Output m_output;
    QSocketNotifier *m_notifier;
    QByteArray m_pending;
};

} // namespace gate::lanesim
