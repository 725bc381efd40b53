#include "vision/mrz/glyphclassifier.h"

#include "vision/mrz/glyphfeature.h"
#include "vision/mrz/ocrbtemplates.h"

#include <opencv2/core.hpp>

#include <cmath>
#include <limits>

namespace gate::vision {

GlyphClassifier::GlyphClassifier()
    : m_templates(kOcrbTemplateCount, kGlyphFeatureSize, CV_32F,
                  const_cast<float *>(kOcrbTemplates)) {
    cv::reduce(m_templates.mul(m_templates), m_templateNorms, 1, cv::REDUCE_SUM);
    m_templateNorms = m_templateNorms.t();
    m_templatesByColumn = m_templates.t();
    for (int i = 0; i < kOcrbTemplateCount; ++i)
        m_label.push_back(static_cast<int>(mrz::kAlphabet.find(kOcrbTemplateLabels[i])));
}

std::vector<mrz::CellCosts> GlyphClassifier::classify(const cv::Mat &features) const {
    std::vector<mrz::CellCosts> costs(features.rows);
    if (features.empty())
        return costs;
    // |f - t|^2 = |f|^2 + |t|^2 - 2 f.t, all templates at once.
    cv::Mat products;
    cv::gemm(features, m_templatesByColumn, -2.0, cv::noArray(), 0, products);
    for (int row = 0; row < features.rows; ++row) {
        const float featureNorm = static_cast<float>(features.row(row).dot(features.row(row)));
        mrz::CellCosts &cell = costs[row];
        if (featureNorm == 0) {
            cell.fill(0);
            continue;
        }
        cell.fill(std::numeric_limits<float>::max());
        const float *product = products.ptr<float>(row);
        const float *norms = m_templateNorms.ptr<float>();
        for (int t = 0; t < products.cols; ++t) {
            const float distance = featureNorm + norms[t] + product[t];
            float &best = cell[m_label[t]];
            best = std::min(best, distance);
        }
        for (float &value : cell)
            value = std::sqrt(std::max(value, 0.0f));
    }
    return costs;
}

} // namespace gate::vision
