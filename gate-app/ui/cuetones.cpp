#include "cuetones.h"

#include <QtEndian>

#include <cmath>
#include <numbers>
#include <vector>

namespace gate::ui {

namespace {

struct Tone {
    double hertz; // 0: silence
    int ms;
};

constexpr double amplitude = 0.5 * 32767; // loud enough in a station, well clear of clipping
constexpr int fadeMs = 5;

void append(QByteArray &pcm, const Tone &tone, int sampleRate) {
    const int samples = sampleRate * tone.ms / 1000;
    const int fade = sampleRate * fadeMs / 1000;
    for (int i = 0; i < samples; ++i) {
        const double envelope = std::min({1.0, double(i) / fade, double(samples - 1 - i) / fade});
        const double value =
            tone.hertz > 0
                ? amplitude * envelope *
                      std::sin(2 * std::numbers::pi * tone.hertz * double(i) / sampleRate)
                : 0.0;
        const qint16 sample = qToLittleEndian(qint16(std::lround(value)));
        pcm.append(reinterpret_cast<const char *>(&sample), sizeof sample);
    }
}

std::vector<Tone> tonesOf(PassengerScreenModel::Cue cue) {
    switch (cue) {
    case PassengerScreenModel::Cue::Admit:
        return {{880, 120}, {0, 40}, {1320, 180}};
    case PassengerScreenModel::Cue::Deny:
        return {{330, 200}, {0, 80}, {330, 200}};
    case PassengerScreenModel::Cue::Alarm:
        return {{660, 250}, {880, 250}, {660, 250}, {880, 250}};
    case PassengerScreenModel::Cue::StaffCall:
        // A door chime, high then low: someone asks for staff, not a danger.
        return {{1047, 300}, {0, 60}, {784, 540}};
    }
    return {};
}

} // namespace

QByteArray cueTone(PassengerScreenModel::Cue cue, int sampleRate) {
    QByteArray pcm;
    for (const Tone &tone : tonesOf(cue))
        append(pcm, tone, sampleRate);
    return pcm;
}

} // namespace gate::ui
