#pragma once

#include "passengerscreenmodel.h"

#include <QByteArray>

namespace gate::ui {

// The sounds of the passenger cues as 16-bit signed mono PCM at `sampleRate`:
// admit is two short rising tones, deny two low pulses, the alarm a
// two-tone siren for a second, the staff call a two-note door chime. Each tone fades in and out
// over a few milliseconds, so that the speaker does not click.
QByteArray cueTone(PassengerScreenModel::Cue cue, int sampleRate);

} // namespace gate::ui
