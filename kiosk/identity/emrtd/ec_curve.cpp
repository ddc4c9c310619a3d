#include "identity/emrtd/ec_curve.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

namespace dvc::emrtd {

namespace {

struct BnCtxFree {
    void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
struct BnFree {
    void operator()(BIGNUM* b) const { BN_clear_free(b); }
};
struct PointFree {
    void operator()(EC_POINT* p) const { EC_POINT_clear_free(p); }
};
using BnCtxPtr = std::unique_ptr<BN_CTX, BnCtxFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using PointPtr = std::unique_ptr<EC_POINT, PointFree>;

BnPtr toBn(ByteView bytes) {
    return BnPtr(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

PointPtr decode(const EC_GROUP* group, ByteView encoded, BN_CTX* ctx) {
    PointPtr point(EC_POINT_new(group));
    if (!point || encoded.empty() || encoded[0] != 0x04 ||
        EC_POINT_oct2point(group, point.get(), encoded.data(), encoded.size(), ctx) != 1 ||
        EC_POINT_is_at_infinity(group, point.get()) ||
        EC_POINT_is_on_curve(group, point.get(), ctx) != 1)
        return nullptr;
    return point;
}

std::optional<Bytes> encode(const EC_GROUP* group, const EC_POINT* point, BN_CTX* ctx) {
    if (EC_POINT_is_at_infinity(group, point)) return std::nullopt;
    const std::size_t length =
        EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, ctx);
    if (length == 0) return std::nullopt;
    Bytes out(length);
    if (EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out.data(), length, ctx) !=
        length)
        return std::nullopt;
    return out;
}

}  // namespace

EcCurve::EcCurve(int parameterId, std::shared_ptr<ec_group_st> group, std::size_t coordinateSize)
    : parameterId_(parameterId), group_(std::move(group)), coordinateSize_(coordinateSize) {}

std::optional<EcCurve> EcCurve::forParameterId(int parameterId) {
    int nid = NID_undef;
    switch (parameterId) {
        case 12:
            nid = NID_X9_62_prime256v1;
            break;
        case 13:
            nid = NID_brainpoolP256r1;
            break;
        case 15:
            nid = NID_secp384r1;
            break;
        case 16:
            nid = NID_brainpoolP384r1;
            break;
        default:
            return std::nullopt;
    }
    std::shared_ptr<ec_group_st> group(EC_GROUP_new_by_curve_name(nid), EC_GROUP_free);
    if (!group) return std::nullopt;
    const auto bits = EC_GROUP_get_degree(group.get());
    return EcCurve(parameterId, std::move(group), static_cast<std::size_t>((bits + 7) / 8));
}

Bytes EcCurve::generator() const {
    BnCtxPtr ctx(BN_CTX_new());
    auto out = encode(group_.get(), EC_GROUP_get0_generator(group_.get()), ctx.get());
    return out ? *out : Bytes{};
}

Bytes EcCurve::randomScalar() const {
    const BIGNUM* order = EC_GROUP_get0_order(group_.get());
    BnPtr k(BN_new());
    do {
        if (!k || BN_priv_rand_range(k.get(), order) != 1) return {};
    } while (BN_is_zero(k.get()));
    Bytes out(static_cast<std::size_t>(BN_num_bytes(order)));
    BN_bn2binpad(k.get(), out.data(), static_cast<int>(out.size()));
    return out;
}

bool EcCurve::isValidPoint(ByteView point) const {
    BnCtxPtr ctx(BN_CTX_new());
    return ctx && decode(group_.get(), point, ctx.get()) != nullptr;
}

std::optional<Bytes> EcCurve::multiply(ByteView scalar, ByteView point) const {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) return std::nullopt;
    PointPtr p = decode(group_.get(), point, ctx.get());
    BnPtr k = toBn(scalar);
    PointPtr r(EC_POINT_new(group_.get()));
    if (!p || !k || !r || BN_is_zero(k.get()) ||
        EC_POINT_mul(group_.get(), r.get(), nullptr, p.get(), k.get(), ctx.get()) != 1)
        return std::nullopt;
    return encode(group_.get(), r.get(), ctx.get());
}

std::optional<Bytes> EcCurve::mapGeneric(ByteView nonce, ByteView mapPrivate,
                                         ByteView peerMapPublic) const {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) return std::nullopt;
    PointPtr peer = decode(group_.get(), peerMapPublic, ctx.get());
    BnPtr s = toBn(nonce);
    BnPtr sk = toBn(mapPrivate);
    PointPtr h(EC_POINT_new(group_.get()));
    PointPtr sg(EC_POINT_new(group_.get()));
    PointPtr mapped(EC_POINT_new(group_.get()));
    if (!peer || !s || !sk || !h || !sg || !mapped ||
        EC_POINT_mul(group_.get(), h.get(), nullptr, peer.get(), sk.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(group_.get(), h.get()) ||
        EC_POINT_mul(group_.get(), sg.get(), s.get(), nullptr, nullptr, ctx.get()) != 1 ||
        EC_POINT_add(group_.get(), mapped.get(), sg.get(), h.get(), ctx.get()) != 1)
        return std::nullopt;
    return encode(group_.get(), mapped.get(), ctx.get());
}

std::optional<Bytes> EcCurve::sharedSecretX(ByteView privateScalar, ByteView peerPublic) const {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) return std::nullopt;
    PointPtr peer = decode(group_.get(), peerPublic, ctx.get());
    BnPtr k = toBn(privateScalar);
    PointPtr r(EC_POINT_new(group_.get()));
    BnPtr x(BN_new());
    if (!peer || !k || !r || !x ||
        EC_POINT_mul(group_.get(), r.get(), nullptr, peer.get(), k.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(group_.get(), r.get()) ||
        EC_POINT_get_affine_coordinates(group_.get(), r.get(), x.get(), nullptr, ctx.get()) != 1)
        return std::nullopt;
    Bytes out(coordinateSize_);
    if (BN_bn2binpad(x.get(), out.data(), static_cast<int>(out.size())) < 0) return std::nullopt;
    return out;
}

}  // namespace dvc::emrtd
