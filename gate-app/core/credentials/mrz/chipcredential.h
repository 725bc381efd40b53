#pragma once

#include "core/credentials/credential.h"
#include "hal/chipreading.h"

#include <QDate>

namespace gate {

// A camera-read passport (or its ambiguous reading) completed by what its chip
// reader answered: a verified chip gives the passport of its DG1 (the exact
// MRZ, whichever camera candidate opened it) marked Verified; a chip that
// failed a hash, a signature or the DG1 comparison marks the passport Forged;
// anything else leaves the camera's reading, Unverified, with the reason.
Credential credentialWithChip(const Credential &camera, const hal::ChipReading &reading,
                              const QDate &today);

// The camera's reading when the chip reader did not answer in time.
Credential credentialWithoutChipAnswer(const Credential &camera);

} // namespace gate
