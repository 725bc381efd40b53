#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace gate::hal {

// Files that a configuration names by a relative path (a lane profile, a
// replay folder, a script) are looked for in the folders a device's settings
// carry as "config_dirs", in order: the configuration's own folder, then the
// folder of the configuration shipped with the package. A copy next to the
// configuration thus overrides a shipped profile, and a configuration copied
// to /etc still finds the profiles the package installs under /usr/share.
inline constexpr QLatin1StringView kConfigDirsSetting{"config_dirs"};

// <dir of the running binary>/../share/station-gate/config, in the build tree
// (config/ copies it there) and in an installation alike.
QString shippedConfigDirectory();

// The search path of a configuration in `configDir`: that folder, then the
// shipped one.
QJsonArray configSearchPath(const QString &configDir);

// The path of `name` from the device settings' search path: an absolute name
// as it is, a relative one in the first folder that has it. Empty, with
// `error` naming every path tried, when it is nowhere.
QString findConfigFile(const QJsonObject &settings, const QString &name, QString *error);

} // namespace gate::hal
