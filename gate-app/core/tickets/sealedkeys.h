#pragma once

#include "core/tickets/manifest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace gate::tickets {

class DeviceKey;

// The holder keys of a list (K_list and every K_bind), as sealed to each
// enrolled gate in the manifest's `sealed_keys` (spec/ticket-list.md).
struct ListKeys {
    KeyEntry listKey;
    QList<KeyEntry> bindKeys;

    // The box's plaintext: {"list_key":{...},"bind_keys":[...]}.
    QByteArray toJson() const;
    static std::optional<ListKeys> fromJson(const QByteArray &json);
};

// box = epk (32) || nonce (12) || AES-256-GCM ciphertext || tag (16), under
// k = HKDF-SHA256(X25519(eph, gate), salt = epk || gate_pub,
// info = "gate-ticketlist/2 keys"), with the station code as additional data.
constexpr qsizetype maxSealedBoxBytes = 8 * 1024;

// Seals `keys` to one gate's raw X25519 public key, with a fresh ephemeral
// key and nonce (the issuer's side); empty when the key is not usable.
QByteArray sealListKeys(const ListKeys &keys, const QByteArray &gatePublicKey,
                        const QString &station);

// Opens the box with the gate's device key: nothing when it does not open
// (another key, another station, a changed byte) or its content is not a
// well-formed key set.
std::optional<ListKeys> openListKeys(const QByteArray &box, const DeviceKey &deviceKey,
                                     const QString &station);

} // namespace gate::tickets
