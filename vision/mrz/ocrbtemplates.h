#pragma once

namespace gate::vision {

// Glyph templates rendered from the OCR-B font at build time by mrz-glyphgen
// (vision/mrz/glyphgen): kOcrbTemplateCount rows of kGlyphFeatureSize floats,
// each labelled with its character.
extern const int kOcrbTemplateCount;
extern const char kOcrbTemplateLabels[];
extern const float kOcrbTemplates[];

} // namespace gate::vision
