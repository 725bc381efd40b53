#include "hal/configfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace gate::hal {

QString shippedConfigDirectory() {
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .absoluteFilePath(QStringLiteral(GATE_DATA_DIR_FROM_BIN "/config")));
}

QJsonArray configSearchPath(const QString &configDir) {
    QJsonArray dirs{configDir};
    const QString shipped = shippedConfigDirectory();
    if (QDir(shipped) != QDir(configDir))
        dirs.append(shipped);
    return dirs;
}

QString findConfigFile(const QJsonObject &settings, const QString &name, QString *error) {
    if (QDir::isAbsolutePath(name)) {
        if (QFileInfo::exists(name))
            return name;
        *error = QStringLiteral("%1 does not exist").arg(name);
        return {};
    }
    QStringList tried;
    for (const QJsonValue &dir : settings.value(kConfigDirsSetting).toArray()) {
        const QString path = QDir::cleanPath(QDir(dir.toString()).absoluteFilePath(name));
        if (QFileInfo::exists(path))
            return path;
        tried.append(path);
    }
    *error = tried.isEmpty()
                 ? QStringLiteral("%1 is relative, but no configuration folder is known").arg(name)
                 : QStringLiteral("%1 not found (looked at %2)")
                       .arg(name, tried.join(QStringLiteral(", ")));
    return {};
}

} // namespace gate::hal
