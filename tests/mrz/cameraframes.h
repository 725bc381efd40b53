#pragma once

#include <opencv2/core.hpp>

#include <cstdint>

namespace gate::mrztest {

// Turns a scanned passport page into what a gate camera might see: a
// 1280x720 frame with the page smaller, rotated up to 10 degrees, in
// perspective, blurred, with a glare spot, sensor noise and JPEG artefacts.
// The same page and seed give the same frame on every run.
constexpr int kFrameWidth = 1280;
constexpr int kFrameHeight = 720;

cv::Mat cameraFrame(const cv::Mat &page, std::uint64_t seed);

// The same scene (placement, light, glare, focus) from `sceneSeed`, with the
// sensor noise of `noiseSeed`: consecutive frames of a page held still.
cv::Mat cameraFrame(const cv::Mat &page, std::uint64_t sceneSeed, std::uint64_t noiseSeed);

} // namespace gate::mrztest
