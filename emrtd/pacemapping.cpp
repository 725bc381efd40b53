#include "emrtd/pacemapping.h"

#include "emrtd/opensslptr.h"

#include <openssl/bn.h>
#include <openssl/ec.h>

#include <stdexcept>

namespace gate::emrtd {

namespace {

using GroupPtr = OpensslPtr<EC_GROUP, EC_GROUP_free>;
using PointPtr = OpensslPtr<EC_POINT, EC_POINT_free>;
using NumberPtr = OpensslPtr<BIGNUM, BN_clear_free>;
using ContextPtr = OpensslPtr<BN_CTX, BN_CTX_free>;

NumberPtr number(ByteView bigEndian) {
    NumberPtr n(BN_bin2bn(bigEndian.data(), static_cast<int>(bigEndian.size()), nullptr));
    if (!n)
        throw std::runtime_error("PACE: no memory for a number");
    return n;
}

} // namespace

struct PaceCurve::State {
    GroupPtr group;
    PointPtr generator;
    ContextPtr context;

    PointPtr point(ByteView encoded) const {
        PointPtr p(EC_POINT_new(group.get()));
        // Uncompressed only: 04 || x || y, each the field's size.
        const std::size_t field = (EC_GROUP_get_degree(group.get()) + 7) / 8;
        if (!p || encoded.size() != 1 + 2 * field || encoded[0] != 0x04 ||
            EC_POINT_oct2point(group.get(), p.get(), encoded.data(), encoded.size(),
                               context.get()) != 1 ||
            EC_POINT_is_at_infinity(group.get(), p.get()) ||
            EC_POINT_is_on_curve(group.get(), p.get(), context.get()) != 1)
            return nullptr;
        return p;
    }

    Bytes encode(const EC_POINT *p) const {
        Bytes out(EC_POINT_point2oct(group.get(), p, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0,
                                     context.get()));
        if (out.empty() || EC_POINT_point2oct(group.get(), p, POINT_CONVERSION_UNCOMPRESSED,
                                              out.data(), out.size(), context.get()) != out.size())
            throw std::runtime_error("PACE: a point cannot be written");
        return out;
    }

    // scalar × base
    PointPtr multiply(ByteView scalar, const EC_POINT *base) const {
        PointPtr out(EC_POINT_new(group.get()));
        const NumberPtr k = number(scalar);
        if (!out ||
            EC_POINT_mul(group.get(), out.get(), nullptr, base, k.get(), context.get()) != 1)
            throw std::runtime_error("PACE: point multiplication failed");
        return out;
    }
};

PaceCurve::PaceCurve(std::unique_ptr<State> state)
    : state_(std::move(state)) {}

PaceCurve::PaceCurve(PaceCurve &&) noexcept = default;
PaceCurve &PaceCurve::operator=(PaceCurve &&) noexcept = default;
PaceCurve::~PaceCurve() = default;

std::optional<PaceCurve> PaceCurve::named(int curveNid) {
    auto state = std::make_unique<State>();
    state->group.reset(EC_GROUP_new_by_curve_name(curveNid));
    state->context.reset(BN_CTX_new());
    if (!state->group || !state->context)
        return std::nullopt;
    state->generator.reset(
        EC_POINT_dup(EC_GROUP_get0_generator(state->group.get()), state->group.get()));
    if (!state->generator)
        return std::nullopt;
    return PaceCurve(std::move(state));
}

Bytes PaceCurve::randomPrivateKey() const {
    const BIGNUM *order = EC_GROUP_get0_order(state_->group.get());
    const NumberPtr k(BN_new());
    // BN_priv_rand_range gives [0, order - 1]; zero is drawn again.
    do {
        if (!k || BN_priv_rand_range(k.get(), order) != 1)
            throw std::runtime_error("PACE: no random private key");
    } while (BN_is_zero(k.get()));
    Bytes out(static_cast<std::size_t>(BN_num_bytes(order)));
    BN_bn2binpad(k.get(), out.data(), static_cast<int>(out.size()));
    return out;
}

Bytes PaceCurve::publicPoint(ByteView privateKey) const {
    return state_->encode(state_->multiply(privateKey, state_->generator.get()).get());
}

std::optional<Bytes> PaceCurve::sharedPoint(ByteView privateKey, ByteView peerPoint) const {
    const PointPtr peer = state_->point(peerPoint);
    if (!peer)
        return std::nullopt;
    const PointPtr shared = state_->multiply(privateKey, peer.get());
    if (EC_POINT_is_at_infinity(state_->group.get(), shared.get()))
        return std::nullopt;
    return state_->encode(shared.get());
}

std::optional<Bytes> PaceCurve::sharedSecret(ByteView privateKey, ByteView peerPoint) const {
    auto point = sharedPoint(privateKey, peerPoint);
    if (!point)
        return std::nullopt;
    const std::size_t field = (point->size() - 1) / 2;
    return Bytes(point->begin() + 1, point->begin() + 1 + static_cast<std::ptrdiff_t>(field));
}

bool PaceCurve::mapGenerator(ByteView nonce, ByteView sharedPointH) {
    const PointPtr h = state_->point(sharedPointH);
    if (!h)
        return false;
    PointPtr mapped = state_->multiply(nonce, state_->generator.get());
    if (EC_POINT_add(state_->group.get(), mapped.get(), mapped.get(), h.get(),
                     state_->context.get()) != 1 ||
        EC_POINT_is_at_infinity(state_->group.get(), mapped.get()))
        return false;
    state_->generator = std::move(mapped);
    return true;
}

Bytes PaceCurve::generator() const {
    return state_->encode(state_->generator.get());
}

bool PaceCurve::isValidPoint(ByteView point) const {
    return state_->point(point) != nullptr;
}

} // namespace gate::emrtd
