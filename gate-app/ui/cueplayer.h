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

public slots:
    void play(gate::ui::PassengerScreenModel::Cue cue);

private:
    std::unique_ptr<QAudioSink> m_sink;
    QBuffer m_buffer;
    int m_sampleRate = 0;
};

} // namespace gate::ui
