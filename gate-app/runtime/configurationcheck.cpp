#include "configurationcheck.h"

#include "core/tickets/devicekey.h"
#include "devicehost.h"
#include "exitcodes.h"
#include "sync/logship/logshipsettings.h"

#include <QTextStream>

#include <algorithm>

namespace gate {

ConfigurationCheck checkConfiguration(const QString &path, hal::PluginCatalog &catalog) {
    ConfigurationCheck check;
    const auto config = GateConfig::load(path, &check.errors);
    if (!config)
        return check;
    if (!config->logSync.isEmpty()) {
        QStringList logSyncErrors;
        parseLogShipSettings(config->logSync, &logSyncErrors, QStringLiteral("log_sync"));
        for (const QString &error : std::as_const(logSyncErrors))
            check.errors.append(config->placeError(error));
    }
    check.notCommissioned = commissioningGaps(*config);
    for (const CommissioningGap &gap : std::as_const(check.notCommissioned))
        check.notCommissionedLines.append(
            config->placeError(QStringLiteral("%1: not commissioned: %2").arg(gap.key, gap.hint)));
    const bool deviceKeyMissing =
        std::any_of(check.notCommissioned.cbegin(), check.notCommissioned.cend(),
                    [](const CommissioningGap &gap) { return gap.item == u"device_key"; });
    if (!deviceKeyMissing) {
        QString error;
        if (!tickets::DeviceKey::load(config->tickets.deviceKey, &error))
            check.errors.append(
                config->placeError(QStringLiteral("tickets.device_key: %1").arg(error)));
    }
    // A lane without its address cannot be built yet: its plugin would only
    // repeat that the address is missing.
    QList<qsizetype> notBuildable;
    for (const CommissioningGap &gap : std::as_const(check.notCommissioned))
        if (gap.device >= 0)
            notBuildable.append(gap.device);
    DeviceHost devices;
    devices.create(*config, catalog, &check.errors, notBuildable);
    return check;
}

int runConfigurationCheck(const QString &path) {
    hal::PluginCatalog catalog;
    const ConfigurationCheck check = checkConfiguration(path, catalog);
    QTextStream err(stderr);
    for (const QString &error : check.errors)
        err << "gate-app: " << error << '\n';
    for (const QString &line : check.notCommissionedLines)
        err << "gate-app: " << line << '\n';
    if (!check.errors.isEmpty())
        return exitConfigurationError;
    if (!check.notCommissioned.isEmpty()) {
        err << "gate-app: " << path << ": valid, not commissioned yet; the gate starts out of "
            << "service until it is\n";
        return exitNotCommissioned;
    }
    QTextStream(stdout) << "configuration OK\n";
    return exitOk;
}

} // namespace gate
