#pragma once

#include "hal/deviceplugin.h"

#include <QHash>
#include <QPluginLoader>
#include <QString>
#include <QStringList>

#include <memory>

namespace gate::hal {

// The device plugins of one installation. Plugins are looked for in exactly
// one directory (the installation's), never on a search path, so a stray
// library elsewhere on the box cannot become a device driver.
class PluginCatalog {
public:
    explicit PluginCatalog(const QString &directory = installedPluginDirectory());

    // <dir of the running binary>/../lib/station-gate/plugins, in the build
    // tree and in an installation alike.
    static QString installedPluginDirectory();

    QString directory() const { return m_directory; }
    // Names from the plugins' metadata, found without loading any of them.
    QStringList names() const;
    // Loads the named plugin; nullptr with a message naming the plugin and
    // the cause when it is missing or unusable.
    DevicePlugin *plugin(const QString &name, QString *error);

private:
    QString m_directory;
    QHash<QString, QString> m_fileByName;
    QHash<QString, std::shared_ptr<QPluginLoader>> m_loaded;
};

} // namespace gate::hal
