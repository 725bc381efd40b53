#include "specimenpassport.h"

namespace gate::testing {

IdentityDocument specimenPassport(const QString &label) {
    IdentityDocument document;
    document.kind = DocumentKind::Mrz;
    document.issuer = QStringLiteral("UTO");
    document.number = label;
    document.numberValid = true;
    document.validTo = QDate(2030, 1, 1);
    return document;
}

} // namespace gate::testing
