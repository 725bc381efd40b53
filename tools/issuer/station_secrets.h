#pragma once

#include "core/tickets/sealedkeys.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace gate::issuer {

// What the ticket system keeps about a station and never publishes: K_list,
// the K_bind still in use, and the enrolled gates' X25519 public keys. One
// JSON file, mode 0600, outside the station folder that the CDN serves.
struct StationSecrets {
    tickets::ListKeys keys;
    QList<QByteArray> gates; // raw X25519 public keys, in enrolment order

    // A new station: K_list id 1 and K_bind id 1, random; no gate yet.
    static StationSecrets fresh();
    static std::optional<StationSecrets> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    // Daily rotation: a new random K_list with the next id (the caller then
    // writes a new snapshot, whose holder keys use it).
    void rotateListKey();
    // Adds a gate (once); false for a key that is not 32 bytes.
    bool enrol(const QByteArray &gatePublicKey);
};

// Reads `gatectl device-key show` lines ({"gate","pub"}), one per gate; the
// kid must match the key, so that a typo cannot enrol another gate.
std::optional<QList<QByteArray>> enrolmentFile(const QString &path, QString *error);

tickets::KeyEntry randomListKey(quint32 id);

// Holds the station's lock (a file next to the secrets) while a folder is
// written: the relay's deltas and the ticket system's own must not interleave
// (both extend the same chain). Waits up to 30 s for the other writer.
std::unique_ptr<QLockFile> lockStation(const QString &secretsPath, QString *error);

} // namespace gate::issuer
