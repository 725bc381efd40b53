#include "core/credentials/chipproof.h"

namespace gate {

QString toString(ChipProof::State state) {
    switch (state) {
    case ChipProof::State::NotApplicable:
        break;
    case ChipProof::State::Verified:
        return QStringLiteral("verified");
    case ChipProof::State::Unverified:
        return QStringLiteral("unverified");
    case ChipProof::State::Forged:
        return QStringLiteral("forged");
    }
    return {};
}

} // namespace gate
