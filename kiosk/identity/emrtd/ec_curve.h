#pragma once
// Elliptic-curve arithmetic for PACE over OpenSSL's EC_POINT: points travel as uncompressed
// encodings (04 || x || y), scalars as big-endian bytes. Every point received from the other
// side is checked to lie on the curve and not to be the point at infinity.
#include <memory>
#include <optional>

#include "identity/emrtd/bytes.h"

struct ec_group_st;

namespace dvc::emrtd {

class EcCurve {
  public:
    // The standardised domain parameters of Doc 9303 Part 11 §9.5.1 (12, 13, 15, 16).
    static std::optional<EcCurve> forParameterId(int parameterId);

    int parameterId() const { return parameterId_; }
    std::size_t coordinateSize() const { return coordinateSize_; }
    Bytes generator() const;
    Bytes randomScalar() const;
    bool isValidPoint(ByteView point) const;

    // scalar · point; nullopt if the point is invalid.
    std::optional<Bytes> multiply(ByteView scalar, ByteView point) const;
    // Generic mapping (§4.4.3.3.1): G' = s·G + H with H = mapPrivate · peerMapPublic.
    std::optional<Bytes> mapGeneric(ByteView nonce, ByteView mapPrivate,
                                    ByteView peerMapPublic) const;
    // The x coordinate of privateScalar · peerPublic, coordinateSize() bytes.
    std::optional<Bytes> sharedSecretX(ByteView privateScalar, ByteView peerPublic) const;

  private:
    EcCurve(int parameterId, std::shared_ptr<ec_group_st> group, std::size_t coordinateSize);
    int parameterId_;
    std::shared_ptr<ec_group_st> group_;
    std::size_t coordinateSize_;
};

}  // namespace dvc::emrtd
