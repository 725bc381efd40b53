#pragma once

#include "core/credentials/chipproof.h"
#include "core/decision/decision.h"
#include "core/language.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace gate {

// One decision as the screen, the console and the service mode see it.
struct PassageReport {
    qint64 passageId = 0; // the audit sequence number of the decision record
    Decision decision;
    QString credentialKind; // "eticket", "resident", "hmt", "fpr2017", "fpr2023", "mrz", "none"
    std::optional<Language> holderLanguage; // passports and foreigners' cards, by nationality
    QString source;                         // device name
    ChipProof chip;         // passports: the chip's proof, and its face for staff only
    qint64 availableNs = 0; // the read was complete (steady clock)
    qint64 decidedNs = 0;   // the decision was recorded (steady clock)
};

} // namespace gate

Q_DECLARE_METATYPE(gate::PassageReport)
