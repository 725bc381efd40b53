#include "hal/plugincatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace gate::hal {

PluginCatalog::PluginCatalog(const QString &directory)
    : m_directory(QDir(directory).absolutePath()) {
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({QStringLiteral("*.so")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString path = dir.absoluteFilePath(file);
        const QJsonObject meta = QPluginLoader(path).metaData();
        if (meta.value(QStringLiteral("IID")).toString() != QLatin1String(GateDevicePlugin_iid))
            continue;
        const QString name = meta.value(QStringLiteral("MetaData"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        if (!name.isEmpty())
            m_fileByName.insert(name, path);
    }
}

QString PluginCatalog::installedPluginDirectory() {
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral(GATE_PLUGIN_DIR_FROM_BIN));
}

QStringList PluginCatalog::names() const {
    QStringList names = m_fileByName.keys();
    names.sort();
    return names;
}

DevicePlugin *PluginCatalog::plugin(const QString &name, QString *error) {
    if (auto loaded = m_loaded.value(name))
        return qobject_cast<DevicePlugin *>(loaded->instance());
    const QString path = m_fileByName.value(name);
    if (path.isEmpty()) {
        *error = QStringLiteral("no device plugin named \"%1\" in %2 (available: %3)")
                     .arg(name, m_directory, names().join(QStringLiteral(", ")));
        return nullptr;
    }
    auto loader = std::make_shared<QPluginLoader>(path);
    auto *plugin = qobject_cast<DevicePlugin *>(loader->instance());
    if (!plugin) {
        *error = QStringLiteral("device plugin \"%1\" (%2) cannot be loaded: %3")
                     .arg(name, path, loader->errorString());
        return nullptr;
    }
    m_loaded.insert(name, loader);
    return plugin;
}

} // namespace gate::hal
