#include "core/crypto/stricted25519.h"

#include <sodium.h>

namespace gate::crypto {

namespace {

const unsigned char *bytes(QByteArrayView view) {
    return reinterpret_cast<const unsigned char *>(view.data());
}

// libsodium picks its fastest implementation in sodium_init(); it may be
// called from any thread, any number of times.
bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

bool isStrictEd25519PublicKey(QByteArrayView publicKey) {
    return sodiumReady() && publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
           crypto_core_ed25519_is_valid_point(bytes(publicKey)) == 1;
}

bool verifyEd25519(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature) {
    // crypto_sign_verify_detached refuses S >= L, a small-order R and a
    // non-canonical or small-order key (libsodium >= 1.0.16 without
    // ED25519_COMPAT, as Debian builds it).
    return sodiumReady() && publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
           signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey)) == 0;
}

} // namespace gate::crypto
