#include "cueplayer.h"

#include "cuetones.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QLoggingCategory>
#include <QMediaDevices>

Q_LOGGING_CATEGORY(lcCue, "gate.ui.cue")

namespace gate::ui {

CuePlayer::CuePlayer(QObject *parent)
    : QObject(parent) {
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        qCWarning(lcCue) << "no audio output: admit and deny cues are silent";
        return;
    }
    QAudioFormat format;
    format.setSampleRate(
        device.preferredFormat().sampleRate() > 0 ? device.preferredFormat().sampleRate() : 44100);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    if (!device.isFormatSupported(format)) {
        qCWarning(lcCue) << "the audio output" << device.description()
                         << "takes no 16-bit mono: cues are silent";
        return;
    }
    m_sampleRate = format.sampleRate();
    m_sink = std::make_unique<QAudioSink>(device, format);
}

CuePlayer::~CuePlayer() = default;

void CuePlayer::play(PassengerScreenModel::Cue cue) {
    if (!m_sink)
        return;
    m_sink->stop();
    m_buffer.close();
    m_buffer.setData(cueTone(cue, m_sampleRate));
    m_buffer.open(QIODevice::ReadOnly);
    m_sink->start(&m_buffer);
}

} // namespace gate::ui
