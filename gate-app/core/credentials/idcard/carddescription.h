#pragma once

#include "core/credentials/identitydocument.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace gate::idcard {

// Everything printed on a card of one of the four types, as simulators, tests
// and the demo describe it. Fields a type does not have are ignored for it.
// The number is written as given, so that cards with a wrong check digit can
// be described too.
struct CardDescription {
    DocumentKind kind = DocumentKind::ResidentId;
    QString nameZh;
    QString nameEn;
    QString number;
    QChar sex; // 'M', 'F', 'X' (not stated); null: unknown
    QString nationality;
    QDate birth;
    QDate validFrom;
    QDate validTo;
    bool longTerm = false; // resident ID: valid to 长期
    QString ethnicity;     // resident ID: "01".."56", "97", "98"
    QString address;       // resident ID, HMT permit
    QString authority;     // resident ID, HMT permit: issuing authority
    QString passNumber;    // HMT permit: 9 characters
    QString issueCount;    // HMT permit: 2 digits
    QString renewalCount;  // FPR 2023: 2 digits
    QString previousLink;  // FPR 2023: 3 digits (city, sequence), blank for a first card
    QString cardVersion;   // FPR 2017: 2 characters
    QString authorityCode; // FPR 2017: 4 characters
    bool hasFingerprint = false;
};

// The JSON form: {"type":"fpr2023","name_zh":"...","name_en":"...","number":"...",
// "sex":"F","nationality":"PAK","birth":"1980-01-01","valid_from":"2023-12-01",
// "valid_to":"2033-11-30" | "long-term","previous_link":"000",...} with the keys
// ethnicity, address, authority, pass_number, issue_count, renewal_count,
// card_version, authority_code (strings) and fingerprint (bool) where they apply.
// nullopt and an error naming the key when it does not describe a card that
// fits the text block.
std::optional<CardDescription> cardDescriptionFromJson(const QJsonObject &json, QString *error);

} // namespace gate::idcard
