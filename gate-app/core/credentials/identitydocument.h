#pragma once

#include "core/language.h"

#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

namespace gate {

enum class DocumentKind {
    ResidentId, // 居民身份证
    HmtPermit,  // Hong Kong/Macau/Taiwan residence permit
    Fpr2017,    // Foreign Permanent Resident ID card, 2017 (15 characters)
    Fpr2023,    // Foreign Permanent Resident ID card, 2023 (18 digits)
    Mrz,        // passport or other ICAO document read from its MRZ
};

QString toString(DocumentKind kind); // "resident", "hmt", "fpr2017", "fpr2023", "mrz"

// A verified identity document. `number` and `previousNumber` exist only in
// memory, to derive holder keys: they never reach a log, a screen or a file.
struct IdentityDocument {
    DocumentKind kind = DocumentKind::ResidentId;
    QString number;
    bool numberValid = false;
    QString previousNumber; // FPR 2023: the 2017-style number rebuilt from the card
    QString issuer;         // MRZ: issuing state as printed (e.g. "D", "UTO")
    QString documentCode;   // MRZ: "P", "ID", "V", ...
    QString nameLocal;      // Chinese name, when the card has one
    QString nameLatin;      // English or MRZ name, "SURNAME GIVEN NAMES"
    QString nationality;
    QChar sex; // 'M', 'F' or 'X'; null when unknown
    QDate birth;
    QDate validFrom;
    QDate validTo; // null with longTermValidity
    bool longTermValidity = false;

    // Expired on `today` (a long-term card never is).
    bool expiredOn(const QDate &today) const {
        return !longTermValidity && validTo.isValid() && today > validTo;
    }
    // The language its holder most likely reads: passports and foreigners'
    // cards by their nationality; none for the Chinese cards, whose holders
    // the station's own language serves.
    std::optional<Language> holderLanguage() const {
        if (kind == DocumentKind::Mrz || kind == DocumentKind::Fpr2017 ||
            kind == DocumentKind::Fpr2023)
            return languageForNationality(nationality);
        return std::nullopt;
    }
};

} // namespace gate

Q_DECLARE_METATYPE(gate::IdentityDocument)
