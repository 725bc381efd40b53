#include "core/credentials/identitydocument.h"

namespace gate {

QString toString(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::ResidentId:
        return QStringLiteral("resident");
    case DocumentKind::HmtPermit:
        return QStringLiteral("hmt");
    case DocumentKind::Fpr2017:
        return QStringLiteral("fpr2017");
    case DocumentKind::Fpr2023:
        return QStringLiteral("fpr2023");
    case DocumentKind::Mrz:
        return QStringLiteral("mrz");
    }
    return {};
}

} // namespace gate
