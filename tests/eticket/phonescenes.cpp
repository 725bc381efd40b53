#include "phonescenes.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

namespace gate::testing {

namespace {

using Random = std::mt19937;

double uniform(Random &random, double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
}

// A cluttered, unevenly lit counter top behind the phone.
cv::Mat background(cv::Size size, Random &random) {
    cv::theRNG().state = random();
    cv::Mat coarse(9, 16, CV_8UC3);
    cv::randu(coarse, cv::Scalar::all(50), cv::Scalar::all(190));
    cv::Mat out;
    cv::resize(coarse, out, size, 0, 0, cv::INTER_CUBIC);
    cv::Mat texture(size, CV_8UC3);
    cv::randn(texture, cv::Scalar::all(0), cv::Scalar::all(6));
    out += texture;
    return out;
}

// The code as a lit screen shows it: blacks are not black, whites not white.
cv::Mat screenImage(const cv::Mat &code, bool inverted) {
    cv::Mat screen;
    code.convertTo(screen, CV_8U, (225.0 - 25.0) / 255.0, 25.0);
    if (inverted)
        screen = cv::Scalar::all(250) - screen;
    cv::Mat bgr;
    cv::cvtColor(screen, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

// Pastes `screen` into `frame` as a quadrilateral of side about `side`
// pixels, tilted by up to `tilt` of the side at each corner.
void placeScreen(cv::Mat &frame, const cv::Mat &screen, double side, double tilt, Random &random) {
    const cv::Point2f centre(float(uniform(random, 0.35, 0.65) * frame.cols),
                             float(uniform(random, 0.35, 0.65) * frame.rows));
    const double angle = uniform(random, -0.5, 0.5);
    std::vector<cv::Point2f> corners;
    const double half = side / 2;
    for (const auto &[x, y] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
        const double dx = x * half + uniform(random, -tilt, tilt) * side;
        const double dy = y * half + uniform(random, -tilt, tilt) * side;
        corners.emplace_back(float(centre.x + dx * std::cos(angle) - dy * std::sin(angle)),
                             float(centre.y + dx * std::sin(angle) + dy * std::cos(angle)));
    }
    const std::vector<cv::Point2f> source{{0, 0},
                                          {float(screen.cols), 0},
                                          {float(screen.cols), float(screen.rows)},
                                          {0, float(screen.rows)}};
    const cv::Mat transform = cv::getPerspectiveTransform(source, corners);
    cv::Mat warped;
    cv::Mat mask;
    cv::warpPerspective(screen, warped, transform, frame.size(), cv::INTER_LINEAR);
    cv::warpPerspective(cv::Mat(screen.size(), CV_8U, cv::Scalar(255)), mask, transform,
                        frame.size(), cv::INTER_LINEAR);
    warped.copyTo(frame, mask > 128);
}

void blurPartly(cv::Mat &frame, Random &random) {
    cv::Mat blurred;
    cv::GaussianBlur(frame, blurred, {0, 0}, uniform(random, 1.0, 1.8));
    // Focus falls off across the frame: sharp on one side, soft on the other.
    cv::Mat weight(frame.size(), CV_32FC3);
    for (int x = 0; x < frame.cols; ++x)
        weight.col(x).setTo(cv::Scalar::all(0.3 + 0.7 * double(x) / frame.cols));
    cv::Mat sharp32;
    cv::Mat blurred32;
    frame.convertTo(sharp32, CV_32FC3);
    blurred.convertTo(blurred32, CV_32FC3);
    cv::Mat mixed = blurred32.mul(weight) + sharp32.mul(cv::Scalar::all(1.0) - weight);
    mixed.convertTo(frame, CV_8UC3);
}

void addGlare(cv::Mat &frame, Random &random) {
    cv::Mat glare(frame.size(), CV_32F, cv::Scalar(0));
    const cv::Point centre(int(uniform(random, 0.4, 0.6) * frame.cols),
                           int(uniform(random, 0.35, 0.65) * frame.rows));
    const double sigma = uniform(random, 40, 80);
    cv::circle(glare, centre, 1, cv::Scalar(1.0), cv::FILLED);
    cv::GaussianBlur(glare, glare, {0, 0}, sigma);
    double peak = 0;
    cv::minMaxLoc(glare, nullptr, &peak);
    glare *= uniform(random, 90, 140) / peak;
    cv::Mat glare3;
    cv::cvtColor(glare, glare3, cv::COLOR_GRAY2BGR);
    cv::Mat frame32;
    frame.convertTo(frame32, CV_32FC3);
    frame32 += glare3;
    frame32.convertTo(frame, CV_8UC3);
}

void addNoise(cv::Mat &frame, Random &random, double sigma) {
    cv::Mat noise(frame.size(), CV_16SC3);
    cv::theRNG().state = random();
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(sigma));
    cv::Mat frame16;
    frame.convertTo(frame16, CV_16SC3);
    frame16 += noise;
    frame16.convertTo(frame, CV_8UC3);
}

void compressJpeg(cv::Mat &frame, Random &random) {
    std::vector<uchar> bytes;
    cv::imencode(".jpg", frame, bytes, {cv::IMWRITE_JPEG_QUALITY, int(uniform(random, 25, 45))});
    frame = cv::imdecode(bytes, cv::IMREAD_COLOR);
}

// A camera looking at a pixel grid beats against it: stripes across the screen.
void addMoire(cv::Mat &screen, Random &random) {
    const double period = uniform(random, 2.5, 4.5);
    const double angle = uniform(random, 0, M_PI);
    const double depth = uniform(random, 0.12, 0.2);
    cv::Mat stripes(screen.size(), CV_32FC3);
    for (int y = 0; y < screen.rows; ++y) {
        for (int x = 0; x < screen.cols; ++x) {
            const double phase = (x * std::cos(angle) + y * std::sin(angle)) * 2 * M_PI / period;
            stripes.at<cv::Vec3f>(y, x) = cv::Vec3f::all(float(1.0 + depth * std::sin(phase)));
        }
    }
    cv::Mat screen32;
    screen.convertTo(screen32, CV_32FC3);
    screen32 = screen32.mul(stripes);
    screen32.convertTo(screen, CV_8UC3);
}

cv::Mat renderScene(const cv::Mat &code, const std::string &kind, cv::Size size, Random &random) {
    cv::Mat frame = background(size, random);
    cv::Mat screen = screenImage(code, kind == "inverted");
    if (kind == "moire") {
        cv::resize(screen, screen, {}, 2.0, 2.0, cv::INTER_NEAREST);
        addMoire(screen, random);
    }
    const bool tilted = kind != "clean";
    const double side = kind == "small" ? uniform(random, 170, 200) : uniform(random, 300, 420);
    placeScreen(frame, screen, side, tilted ? 0.08 : 0.0, random);
    if (kind == "blur" || kind == "combined")
        blurPartly(frame, random);
    if (kind == "glare")
        addGlare(frame, random);
    if (kind == "noise" || kind == "combined")
        addNoise(frame, random, kind == "noise" ? uniform(random, 10, 16) : 6);
    if (kind == "jpeg" || kind == "combined")
        compressJpeg(frame, random);
    return frame;
}

} // namespace

std::vector<std::string> phoneSceneKinds() {
    return {"clean", "perspective", "blur",     "glare", "noise",
            "jpeg",  "moire",       "inverted", "small", "combined"};
}

std::vector<PhoneScene> renderPhoneScenes(const cv::Mat &code, int perKind, unsigned seed,
                                          cv::Size frameSize) {
    Random random(seed);
    std::vector<PhoneScene> scenes;
    for (const std::string &kind : phoneSceneKinds()) {
        for (int i = 0; i < perKind; ++i)
            scenes.push_back({kind, renderScene(code, kind, frameSize, random)});
    }
    return scenes;
}

} // namespace gate::testing
