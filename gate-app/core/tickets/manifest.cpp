#include "core/tickets/manifest.h"

#include "core/tickets/devicekey.h"
#include "core/tickets/sealedkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace gate::tickets {

namespace {

constexpr double maxSafeInteger = 9007199254740991.0; // 2^53 - 1

struct Reader {
    QString *error;
    bool ok = true;

    void fail(const QString &what) {
        if (ok && error)
            *error = what;
        ok = false;
    }

    qint64 integer(const QJsonObject &object, const char *name, double max = maxSafeInteger) {
        const QJsonValue value = object.value(QLatin1String(name));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > max || number != std::floor(number)) {
            fail(QStringLiteral("%1: missing or not a non-negative integer").arg(name));
            return 0;
        }
        return qint64(number);
    }

    QString fileName(const QJsonObject &object, const char *name) {
        // Only [A-Za-z0-9._-], not starting with '.': the name is resolved
        // against the station URL, so "../x", "a/b" or "http:x" must not pass.
        const QString path = object.value(QLatin1String(name)).toString();
        const bool plain = std::all_of(path.cbegin(), path.cend(), [](QChar c) {
            return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                   (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        });
        if (path.isEmpty() || path.size() > 128 || !plain || path.startsWith(u'.')) {
            fail(QStringLiteral("%1: missing or not a plain file name").arg(name));
            return {};
        }
        return path;
    }

    QByteArray sha256(const QJsonObject &object) {
        const QByteArray hex = object.value(QLatin1String("sha256")).toString().toLatin1();
        const QByteArray raw = QByteArray::fromHex(hex);
        if (hex.size() != 64 || raw.size() != 32 || raw.toHex() != hex.toLower()) {
            fail(QStringLiteral("sha256: not 64 hex digits"));
            return {};
        }
        return raw;
    }

    QByteArray base64(const QJsonObject &object, const char *name, qsizetype minBytes,
                      qsizetype maxBytes) {
        const auto decoded =
            QByteArray::fromBase64Encoding(object.value(QLatin1String(name)).toString().toLatin1(),
                                           QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() < minBytes || decoded.decoded.size() > maxBytes) {
            fail(QStringLiteral("%1: not the base64 of %2 to %3 bytes")
                     .arg(name)
                     .arg(minBytes)
                     .arg(maxBytes));
            return {};
        }
        return decoded.decoded;
    }

    SealedBox sealedBox(const QJsonValue &value) {
        if (!value.isObject())
            fail(QStringLiteral("sealed_keys: entry is not an object"));
        const QJsonObject object = value.toObject();
        SealedBox entry;
        entry.gate = base64(object, "gate", DeviceKey::kidBytes, DeviceKey::kidBytes);
        entry.box = base64(object, "box", 1, maxSealedBoxBytes);
        return entry;
    }

    BundleFile bundle(const QJsonValue &value, bool delta) {
        const QJsonObject object = value.toObject();
        if (!value.isObject())
            fail(QStringLiteral("bundle file entry is not an object"));
        BundleFile file;
        if (delta) {
            file.from = integer(object, "from");
            file.to = integer(object, "to");
            if (ok && file.from >= file.to)
                fail(QStringLiteral("delta goes backwards"));
        } else {
            file.to = integer(object, "seq");
        }
        file.path = fileName(object, "path");
        file.sha256 = sha256(object);
        file.size = integer(object, "size", double(maxBundleFileBytes));
        return file;
    }
};

} // namespace

std::optional<Manifest> parseManifest(const QByteArray &bytes, QString *error,
                                      bool *unsupportedFormat) {
    Reader reader{error};
    if (unsupportedFormat)
        *unsupportedFormat = false;
    if (bytes.size() > maxManifestBytes) {
        reader.fail(QStringLiteral("manifest larger than %1 bytes").arg(maxManifestBytes));
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    const QJsonObject root = document.object();
    if (!document.isObject()) {
        reader.fail(QStringLiteral("manifest is not a JSON object"));
        return std::nullopt;
    }
    const QString format = root.value(QLatin1String("format")).toString();
    if (format != QLatin1String(manifestFormat)) {
        if (unsupportedFormat)
            *unsupportedFormat = true;
        reader.fail(QStringLiteral("format \"%1\" is not %2")
                        .arg(format.left(32), QLatin1String(manifestFormat)));
        return std::nullopt;
    }

    Manifest manifest;
    manifest.station = root.value(QLatin1String("station")).toString();
    if (manifest.station.isEmpty() || manifest.station.size() > 8)
        reader.fail(QStringLiteral("station: missing or too long"));
    manifest.seq = reader.integer(root, "seq");
    manifest.generated = reader.integer(root, "generated");
    manifest.expires = reader.integer(root, "expires");

    const QJsonValue sealedKeys = root.value(QLatin1String("sealed_keys"));
    if (!sealedKeys.isArray() || sealedKeys.toArray().size() > maxSealedBoxes)
        reader.fail(QStringLiteral("sealed_keys: missing or too many"));
    for (const QJsonValue &entry : sealedKeys.toArray())
        manifest.sealedKeys << reader.sealedBox(entry);

    const QJsonObject keys = root.value(QLatin1String("keys")).toObject();
    manifest.keysPath = reader.fileName(keys, "path");
    manifest.keysSha256 = reader.sha256(keys);

    manifest.snapshot = reader.bundle(root.value(QLatin1String("snapshot")), false);
    const QJsonValue deltas = root.value(QLatin1String("deltas"));
    if (!deltas.isArray() || deltas.toArray().size() > maxManifestDeltas)
        reader.fail(QStringLiteral("deltas: missing or too many"));
    for (const QJsonValue &entry : deltas.toArray())
        manifest.deltas << reader.bundle(entry, true);

    if (reader.ok && manifest.snapshot.to > manifest.seq)
        reader.fail(QStringLiteral("snapshot is newer than seq"));
    if (!reader.ok)
        return std::nullopt;
    return manifest;
}

std::optional<QByteArray> Manifest::sealedBoxFor(const QByteArray &gateKid) const {
    for (const SealedBox &entry : sealedKeys) {
        if (entry.gate == gateKid)
            return entry.box;
    }
    return std::nullopt;
}

std::optional<QList<BundleFile>> deltaChainFrom(const Manifest &manifest, qint64 appliedSeq) {
    QList<BundleFile> chain;
    qint64 at = appliedSeq;
    while (at < manifest.seq) {
        const auto next = std::find_if(manifest.deltas.cbegin(), manifest.deltas.cend(),
                                       [at](const BundleFile &delta) { return delta.from == at; });
        if (next == manifest.deltas.cend() || next->to > manifest.seq)
            return std::nullopt;
        chain << *next;
        at = next->to;
    }
    if (at != manifest.seq)
        return std::nullopt;
    return chain;
}

} // namespace gate::tickets
