#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace gate::tickets {

// A record file named by the manifest, with what it must hash to.
struct BundleFile {
    qint64 from = 0; // deltas only; a snapshot's `seq` is in `to`
    qint64 to = 0;
    QString path;
    QByteArray sha256; // 32 raw bytes
    qint64 size = 0;
};

struct KeyEntry {
    quint32 id = 0;
    QByteArray key; // 32 raw bytes
};

// K_list and K_bind sealed to one enrolled gate (see sealedkeys.h).
struct SealedBox {
    QByteArray gate; // the gate's kid, 8 bytes
    QByteArray box;
};

// manifest.json of spec/ticket-list.md (format "gate-ticketlist/2").
struct Manifest {
    QString station;
    qint64 seq = 0;
    qint64 generated = 0;
    qint64 expires = 0;
    QList<SealedBox> sealedKeys;
    QString keysPath;
    QByteArray keysSha256;
    BundleFile snapshot;
    QList<BundleFile> deltas;

    // The box sealed to the gate with this kid, if the gate is enrolled.
    std::optional<QByteArray> sealedBoxFor(const QByteArray &gateKid) const;
};

constexpr char manifestFormat[] = "gate-ticketlist/2";
constexpr int maxSealedBoxes = 1024;

constexpr qsizetype maxManifestBytes = 256 * 1024;
constexpr int maxManifestDeltas = 1024;
constexpr qint64 maxBundleFileBytes = qint64(1) << 31;

// Parses and checks the structure: every field present and well typed, the
// format string, file paths that stay in the station folder (no '/', no
// "..") and deltas that are ordered (each `from` < `to`). Whether the chain
// reaches `seq` is the caller's question (see deltaChainFrom()). A manifest of
// another format (version 1 carried the keys in clear) sets
// `unsupportedFormat`.
std::optional<Manifest> parseManifest(const QByteArray &bytes, QString *error,
                                      bool *unsupportedFormat = nullptr);

// The deltas that bring a store at `appliedSeq` to manifest.seq, in order, or
// nullopt when `appliedSeq` is not a `from` of a chain without gaps to `seq`.
// With appliedSeq == snapshot.seq this is the chain after the snapshot.
std::optional<QList<BundleFile>> deltaChainFrom(const Manifest &manifest, qint64 appliedSeq);

} // namespace gate::tickets
