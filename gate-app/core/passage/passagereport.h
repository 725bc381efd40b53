#pragma once

#include "core/credentials/chipproof.h"
#include "core/decision/decision.h"

#include <QMetaType>
#include <QString>

namespace gate {

// One decision as the screen, the console and the service mode see it.
struct PassageReport {
    qint64 passageId = 0; // the audit sequence number of the decision record
    Decision decision;
    QString credentialKind;     // "eticket", "resident", "hmt", "fpr2017", "fpr2023", "mrz", "none"
    bool preferEnglish = false; // passports and foreigners' cards
    QString source;             // device name
    ChipProof chip;             // passports: the chip's proof, and its face for staff only
    qint64 availableNs = 0;     // the read was complete (steady clock)
    qint64 decidedNs = 0;       // the decision was recorded (steady clock)
};

} // namespace gate

Q_DECLARE_METATYPE(gate::PassageReport)
