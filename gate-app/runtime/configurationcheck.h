#pragma once

#include "core/config/commissioning.h"
#include "hal/plugincatalog.h"

#include <QString>
#include <QStringList>

namespace gate {

// What a start would find wrong with a configuration, found without opening a
// device, a database or the screen: the file and its keys, the log shipping
// settings, the device key file when there is one, and every device's
// settings as far as its plugin's factory checks them (profiles and scripts
// are read; ports and addresses are not opened).
struct ConfigurationCheck {
    QStringList errors; // one per problem: "FILE:LINE: dotted.key: problem"
    QList<CommissioningGap> notCommissioned;
    // One per gap, in the errors' form: "FILE:LINE: dotted.key: not commissioned: hint".
    QStringList notCommissionedLines;
};

ConfigurationCheck checkConfiguration(const QString &path, hal::PluginCatalog &catalog);

// gate-app --check-config: prints the errors and what is not commissioned on
// stderr, or "configuration OK" on stdout; returns the exit code
// (runtime/exitcodes.h: 0, exitNotCommissioned or exitConfigurationError).
int runConfigurationCheck(const QString &path);

} // namespace gate
