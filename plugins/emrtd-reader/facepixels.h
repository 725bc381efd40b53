#pragma once

#include "emrtd/lds.h"
#include "hal/chipreading.h"

namespace gate::emrtdreader {

// Decodes DG2's face (JPEG or JPEG 2000) with OpenCV's codecs into the
// reading's RGB rows; leaves them empty when the image does not decode or is
// larger than a passport photo can be.
void decodeFace(const emrtd::FaceImage &face, hal::ChipReading *reading);

} // namespace gate::emrtdreader
