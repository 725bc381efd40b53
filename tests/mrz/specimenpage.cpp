#include "specimenpage.h"

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>

namespace gate::mrztest {

cv::Mat specimenPage(const std::vector<std::string> &mrzLines, int capHeight) {
    if (mrzLines.empty() || !std::filesystem::exists(kOcrbFontPath))
        return {};
    auto font = cv::freetype::createFreeType2();
    font->loadFontData(kOcrbFontPath, 0);
    // OCR-B capitals are about 0.7 of the font height; the pitch about 0.72.
    const int fontHeight = capHeight * 10 / 7;
    const int pitch = fontHeight * 72 / 100 + 2;
    const int width = static_cast<int>(mrzLines.front().size()) * pitch + 8 * capHeight;
    const int height = 14 * capHeight + static_cast<int>(mrzLines.size()) * 2 * capHeight;
    cv::Mat page(height, width, CV_8UC3, cv::Scalar(225, 232, 236));
    const cv::Scalar ink(40, 30, 30);
    const std::vector<std::string> fields = {"PASSPORT  TYPE P  CODE UTO", "SURNAME ERIKSSON",
                                             "GIVEN NAMES ANNA MARIA", "DATE OF BIRTH 12 AUG 1974"};
    int y = 2 * capHeight;
    for (const std::string &field : fields) {
        font->putText(page, field, cv::Point(width / 3, y), fontHeight * 7 / 10, ink, -1,
                      cv::LINE_AA, true);
        y += 2 * capHeight;
    }
    cv::rectangle(page, cv::Rect(capHeight, 2 * capHeight, width / 4, 8 * capHeight),
                  cv::Scalar(150, 160, 170), -1);
    y = height - (static_cast<int>(mrzLines.size()) * 2 - 1) * capHeight - capHeight;
    for (const std::string &line : mrzLines) {
        for (std::size_t i = 0; i < line.size(); ++i)
            font->putText(page, std::string(1, line[i]),
                          cv::Point(4 * capHeight + static_cast<int>(i) * pitch, y), fontHeight,
                          ink, -1, cv::LINE_AA, true);
        y += 2 * capHeight;
    }
    return page;
}

} // namespace gate::mrztest
