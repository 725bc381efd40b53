#pragma once

#include "benchstation.h"

#include <QJsonObject>
#include <QString>

namespace gate::e2e {

// How passengers come to the camera of a replay folder.
struct ReplayTiming {
    int fps = 10;
    int intervalMs = 1500; // from one passenger's first frame to the next one's
    int leadInMs = 5000;   // empty frames while the gate starts
    int codeFrames = 3;    // a phone held up to the camera
    int pageFrames = 8;    // a passport laid on the reader window, held still
    int gapFrames = 3;     // the least number of empty frames between two passengers
};

// Frames per passenger: what is shown, then empty frames up to the interval.
int framesFor(const CameraPassenger &passenger, const ReplayTiming &timing);

// The gate's camera device on a replay folder, one read per passenger.
QJsonObject replayCameraDevice(const QString &replay, const ReplayTiming &timing);

// Writes the replay folder `name` in the station's folder: the lead-in, then
// each passenger's frames (links to images made once per passenger: the QR
// frame; camera-like frames of the passport page, one scene per passenger and
// fresh sensor noise per frame). Returns its path.
QString writeReplay(const Station &station, const QString &name,
                    const QList<CameraPassenger> &passengers, const ReplayTiming &timing);

// How long the replay runs at its frame rate, in milliseconds.
qint64 replayDurationMs(const QList<CameraPassenger> &passengers, const ReplayTiming &timing);

} // namespace gate::e2e
