#include "testpeer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace gate::test {

namespace {

QJsonObject peers() {
    static const QJsonObject all = [] {
        QFile file(QStringLiteral(GATE_PEERS_FILE));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", GATE_PEERS_FILE);
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return all;
}

// peers.json may hold one wildcard folder (the multiarch triplet).
bool pathExists(const QString &pattern) {
    if (!pattern.contains(QLatin1Char('*')))
        return QFileInfo::exists(pattern);
    const QFileInfo info(pattern);
    const QString parent = info.path();
    const qsizetype star = parent.indexOf(QLatin1Char('*'));
    const QString base = parent.left(parent.lastIndexOf(QLatin1Char('/'), star));
    const QString rest = parent.mid(parent.indexOf(QLatin1Char('/'), star));
    for (const QString &folder : QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFileInfo::exists(base + QLatin1Char('/') + folder + rest + QLatin1Char('/') +
                              info.fileName()))
            return true;
    }
    return false;
}

} // namespace

QString missingPeer(const char *name) {
    const QJsonObject peer = peers().value(QLatin1String(name)).toObject();
    if (peer.isEmpty())
        qFatal("test peer %s is not in %s", name, GATE_PEERS_FILE);
    QString path = peer.value(QStringLiteral("path")).toString();
    path.replace(QStringLiteral("@GATE_SHARED_DIR@"), QStringLiteral(GATE_SHARED_DIR));
    if (pathExists(path))
        return {};
    const QString package = peer.value(QStringLiteral("package")).toString();
    const QString from = package.isEmpty() ? peer.value(QStringLiteral("source")).toString()
                                           : QStringLiteral("Debian package %1").arg(package);
    return QStringLiteral("test peer %1 is missing: %2 (from %3)")
        .arg(QLatin1String(name), path, from);
}

bool missingPeerFails() {
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace gate::test
