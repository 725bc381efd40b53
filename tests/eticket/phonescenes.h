#pragma once

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace gate::testing {

// Camera frames of a code shown on a phone screen or paper, rendered from a
// fixed seed so that a read rate is reproducible: the ways real frames
// differ from a clean scan, one per kind, and all at once in "combined".
struct PhoneScene {
    std::string kind; // "clean", "perspective", "blur", "glare", "noise", "jpeg", "moire",
                      // "inverted", "small", "combined"
    cv::Mat frame;    // 8-bit BGR
};

std::vector<std::string> phoneSceneKinds();

// `code`: the symbol as black-on-white 8-bit grey with its quiet zone.
std::vector<PhoneScene> renderPhoneScenes(const cv::Mat &code, int perKind, unsigned seed,
                                          cv::Size frameSize = {1280, 720});

} // namespace gate::testing
