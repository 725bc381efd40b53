#pragma once

#include "peerprocess.h"

#include "hal/laneactuator.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

// A lane profile with short timings, so that tests run quickly; `overrides`
// are merged into it. Returns the file's path inside `dir`.
QString writeFastProfile(const QTemporaryDir &dir, const QJsonObject &overrides = {});

// The modbus-lane driver for `url` with the profile at `profilePath`, on a
// bus thread of its own and started; `supervisor`: the deciding side's
// progress it feeds the lane's watchdog by (LaneActuator::setSupervisorProgress).
std::unique_ptr<gate::hal::LaneActuatorThread>
startLane(const QString &url, const QString &profilePath, bool supervise = true,
          std::shared_ptr<const gate::hal::ProgressMark> supervisor = {});

// Output lines of both peers (the simulator and the pymodbus lane) for the
// emergency open executed by the lane, command 9 or coil 5 turned on, and for
// its reset, command 10 or coil 5 turned off.
PeerProcess::Match emergencyOpenExecuted(bool coils);
PeerProcess::Match emergencyResetExecuted(bool coils);
