#pragma once

#include "vision/mrz/mrzparser.h"

#include <QJsonObject>

namespace gate {

// The fields of `gatectl mrz read|parse` (spec/gatectl.md) for checked MRZ
// text: format, lines, valid, document{...} and, beyond the spec, the names of
// the failed checks. `document` is left out when the lines have no MRZ layout.
QJsonObject mrzResultJson(const mrz::MrzParseResult &result);

} // namespace gate
