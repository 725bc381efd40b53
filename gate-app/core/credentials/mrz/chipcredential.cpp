#include "core/credentials/mrz/chipcredential.h"

#include "core/credentials/mrz/mrzcredential.h"

namespace gate {

namespace {

Credential marked(Credential credential, ChipProof::State state, QString detail) {
    credential.chip = {state, std::move(detail), {}, {}};
    return credential;
}

Credential proven(const Credential &camera, const hal::ChipReading &reading, const QDate &today) {
    const QString detail = reading.detail.isEmpty() ? reading.outcome : reading.detail;
    if (reading.outcome == QLatin1String("forged"))
        return marked(camera, ChipProof::State::Forged, detail);
    if (reading.outcome != QLatin1String("verified"))
        return marked(camera, ChipProof::State::Unverified, detail);

    Credential chip = credentialFromMrzLines(reading.dg1Lines, today);
    // The chip's signature covers DG1, and DG1 equalled a reading the camera
    // made, so this does not fail unless the reader broke its promise.
    if (chip.kind != Credential::Kind::Document)
        return marked(camera, ChipProof::State::Unverified, QStringLiteral("dg1_unreadable"));
    chip.source = camera.source;
    chip.availableNs = camera.availableNs;
    return marked(std::move(chip), ChipProof::State::Verified, detail);
}

// Staff compare the face with the passenger whatever the chip proved.
Credential withFace(Credential credential, const hal::ChipReading &reading) {
    if (reading.faceWidth > 0 && reading.faceHeight > 0 &&
        reading.faceRgb.size() == qsizetype(reading.faceWidth) * reading.faceHeight * 3) {
        credential.chip.faceRgb = reading.faceRgb;
        credential.chip.faceSize = QSize(reading.faceWidth, reading.faceHeight);
    }
    return credential;
}

} // namespace

Credential credentialWithChip(const Credential &camera, const hal::ChipReading &reading,
                              const QDate &today) {
    return withFace(proven(camera, reading, today), reading);
}

Credential credentialWithoutChipAnswer(const Credential &camera) {
    return marked(camera, ChipProof::State::Unverified, QStringLiteral("timeout"));
}

} // namespace gate
