#pragma once

#include "hal/credentialsource.h"

#include <QList>
#include <QTimer>

namespace gate::sim {

// Presents a script of raw reads, one every interval, as if passengers held
// them to the gate: the demo's passengers and a source for tests that need no
// device. The script is a JSON list of {"label", "kind": "barcode" | "idcard"
// | "mrz", "text" | "frame_hex" | "lines"}; a step's optional "pause_ms"
// replaces the interval before the next step (a passenger who waits).
class ScriptedSource final : public hal::CredentialSource {
    Q_OBJECT
public:
    struct Step {
        QString label;
        hal::RawRead read;
        int pauseMs = -1; // before the next step; -1: the interval
    };

    ScriptedSource(QString deviceName, QList<Step> steps, int firstDelayMs, int intervalMs,
                   bool repeat);

    static QList<Step> parseScript(const QByteArray &json, QString *error);

    void start() override;
    void stop() override;

private:
    void presentNext();

    QString m_deviceName;
    QList<Step> m_steps;
    int m_firstDelayMs;
    int m_intervalMs;
    bool m_repeat;
    qsizetype m_next = 0;
    QTimer *m_timer = nullptr;
};

} // namespace gate::sim
