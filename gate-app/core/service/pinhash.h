#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace gate::service {

// A staff PIN stored as "pbkdf2-sha256$ITER$SALT_B64$HASH_B64" (standard
// base64 with padding). The iteration bounds keep a bad configuration entry
// from stalling the touchscreen or from weakening the stored hash.
struct PinHash {
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

inline constexpr int kDefaultPinIterations = 100000;
// OWASP's floor for PBKDF2-HMAC-SHA256 is far higher; 100,000 is what a
// gate's CPU affords per try while still costing an offline guesser.
inline constexpr int kMinPinIterations = 100000;
inline constexpr int kMaxPinIterations = 2000000;
inline constexpr qsizetype kPinSaltBytes = 16;
inline constexpr qsizetype kMinPinSaltBytes = 8;
inline constexpr qsizetype kMaxPinSaltBytes = 64;
inline constexpr qsizetype kPinHashBytes = 32;
inline constexpr qsizetype kMaxPinHashTextLength = 256;
inline constexpr qsizetype kMinPinLength = 6;
inline constexpr qsizetype kMaxPinLength = 12;

// A PIN is 6 to 12 ASCII digits: what the on-screen keypad can type.
bool isWellFormedPin(QStringView pin);

// nullopt, with a reason in *error, when the text is not a well-formed hash.
std::optional<PinHash> parsePinHash(QStringView text, QString *error = nullptr);
QString formatPinHash(const PinHash &pinHash);

// PBKDF2-HMAC-SHA256 of the PIN's UTF-8 bytes; kPinHashBytes long.
QByteArray derivePinKey(QStringView pin, const QByteArray &salt, int iterations);

} // namespace gate::service
