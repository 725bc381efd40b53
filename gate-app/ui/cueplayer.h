#pragma once

#include "passengerscreenmodel.h"

#include <QBuffer>
#include <QObject>

#include <memory>

class QAudioSink;

namespace gate::ui {

// Plays the passenger cues on the default audio output. A newer cue cuts the
// one still playing. Without an audio output (a box without a speaker, a
// headless test machine) it says so once in the log and stays silent.
class CuePlayer : public QObject {
    Q_OBJECT
public:
    explicit CuePlayer(QObject *parent = nullptr);
    ~CuePlayer() override;

    // Whether cues reach a speaker: false without a usable audio output.
    bool audible() const { return m_sink != nullptr; }
    // The samples of the cue playing, or played last; empty while silent.
    QByteArray lastCue() const { return m_buffer.data(); }

public slots:
    void play(gate::ui::PassengerScreenModel::Cue cue);

private:
    std::unique_ptr<QAudioSink> m_sink;
    QBuffer m_buffer;
    int m_sampleRate = 0;
};

} // namespace gate::ui
