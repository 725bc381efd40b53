#pragma once

#include "core/credentials/credential.h"

#include <QDate>
#include <QStringList>

namespace gate {

// Turns the lines of a machine readable zone (as the camera's MRZ reader
// delivers them) into a passport or travel-document identity, or into
// Credential::failed("mrz_invalid") when any check digit or format rule fails.
// `today` anchors the century of two-digit years.
Credential credentialFromMrzLines(const QStringList &lines, const QDate &today);

} // namespace gate
