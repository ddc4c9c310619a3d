#include "identity/emrtd/pace.h"

#include <openssl/crypto.h>

#include "identity/emrtd/ec_curve.h"
#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

namespace {

constexpr std::uint32_t kDynamicAuthenticationData = 0x7C;

ChipError protocolError(std::string detail) {
    return ChipError{ChipError::Kind::Protocol, std::move(detail)};
}

Bytes dynamicAuthenticationData(std::uint32_t tag, ByteView value) {
    return encodeTlv(kDynamicAuthenticationData, encodeTlv(tag, value));
}

// One GENERAL AUTHENTICATE step: sends 7C{tag value} and returns the value of 7C{responseTag}.
Result<Bytes, ChipError> generalAuthenticate(ChipSession& session, bool last, std::uint32_t tag,
                                             ByteView value, std::uint32_t responseTag,
                                             const char* step) {
    CommandApdu command{static_cast<std::uint8_t>(last ? 0x00 : 0x10),
                        0x86,
                        0x00,
                        0x00,
                        value.empty() ? encodeTlv(kDynamicAuthenticationData, {})
                                      : dynamicAuthenticationData(tag, value),
                        kMaxShortNe};
    auto response = session.transmitPlain(command);
    if (!response) return fail(response.error());
    const std::uint16_t status = response->sw;
    if (status == sw::kAuthenticationFailed || status == sw::kSecurityStatusNotSatisfied ||
        status == 0x6983 || (status & 0xFFF0) == 0x63C0)
        return fail(ChipError{
            ChipError::Kind::AccessDenied,
            std::string("GENERAL AUTHENTICATE (") + step + "): " + statusWordName(status)});
    if (!response->ok())
        return fail(protocolError(std::string("GENERAL AUTHENTICATE (") + step +
                                  "): " + statusWordName(status)));
    auto outer = findTag(response->data, kDynamicAuthenticationData);
    if (!outer) return fail(protocolError(std::string(step) + ": no dynamic authentication data"));
    auto inner = findTag(outer->value, responseTag);
    if (!inner) return fail(protocolError(std::string(step) + ": missing data object"));
    return Bytes(inner->value.begin(), inner->value.end());
}

}  // namespace

Bytes pacePasswordKey(const PacePassword& password, crypto::Cipher cipher) {
    const auto* chars = reinterpret_cast<const std::uint8_t*>(password.value.data());
    ByteView text(chars, password.value.size());
    Bytes secret = password.type == PacePasswordType::Mrz ? crypto::sha1(text)
                                                          : Bytes(text.begin(), text.end());
    Bytes key = crypto::kdf(secret, crypto::kKdfPasswordCounter, cipher);
    OPENSSL_cleanse(secret.data(), secret.size());
    return key;
}

Bytes paceSetAtData(const PaceInfo& info, PacePasswordType type) {
    Bytes data = encodeTlv(0x80, info.algorithm.oid);
    const std::uint8_t reference = static_cast<std::uint8_t>(type);
    Bytes passwordRef = encodeTlv(0x83, ByteView(&reference, 1));
    data.insert(data.end(), passwordRef.begin(), passwordRef.end());
    if (info.parameterId) {
        const std::uint8_t id = static_cast<std::uint8_t>(*info.parameterId);
        Bytes parameter = encodeTlv(0x84, ByteView(&id, 1));
        data.insert(data.end(), parameter.begin(), parameter.end());
    }
    return data;
}

Bytes paceTokenInput(ByteView oid, ByteView publicPoint) {
    return encodeTlv(0x7F49, concat({encodeTlv(0x06, oid), encodeTlv(0x86, publicPoint)}));
}

Bytes paceAuthenticationToken(crypto::Cipher cipher, ByteView ksMac, ByteView oid,
                              ByteView publicPoint) {
    const Bytes input = paceTokenInput(oid, publicPoint);
    if (cipher == crypto::Cipher::Tdes) return crypto::smMac(cipher, ksMac, input);
    Bytes mac = crypto::aesCmac(ksMac, input);
    if (mac.size() >= 8) mac.resize(8);
    return mac;
}

PaceSessionKeys paceSessionKeys(ByteView sharedSecret, crypto::Cipher cipher) {
    return {crypto::kdf(sharedSecret, crypto::kKdfEncCounter, cipher),
            crypto::kdf(sharedSecret, crypto::kKdfMacCounter, cipher)};
}

Result<Success, ChipError> performPace(ChipSession& session, const PaceInfo& info,
                                       const PacePassword& password) {
    session.endSecureMessaging();
    if (!info.algorithm.supported() || !info.parameterId)
        return fail(ChipError{ChipError::Kind::Unsupported, info.algorithm.name()});
    auto curve = EcCurve::forParameterId(*info.parameterId);
    if (!curve)
        return fail(ChipError{ChipError::Kind::Unsupported,
                              "domain parameters " + std::to_string(*info.parameterId)});
    const crypto::Cipher cipher = info.algorithm.cipher;

    auto setAt = session.transmitPlain(
        CommandApdu{0x00, 0x22, 0xC1, 0xA4, paceSetAtData(info, password.type), 0});
    if (!setAt) return fail(setAt.error());
    if (!setAt->ok() && (setAt->sw & 0xFFF0) != 0x63C0)
        return fail(
            ChipError{setAt->sw == sw::kReferencedDataNotFound || setAt->sw == sw::kWrongData
                          ? ChipError::Kind::Unsupported
                          : ChipError::Kind::Protocol,
                      "MSE:Set AT: " + statusWordName(setAt->sw)});

    // 1. The chip's nonce, encrypted with K_π.
    auto encryptedNonce = generalAuthenticate(session, false, 0, {}, 0x80, "encrypted nonce");
    if (!encryptedNonce) return fail(encryptedNonce.error());
    Bytes kPi = pacePasswordKey(password, cipher);
    Bytes nonce =
        crypto::decryptCbc(cipher, kPi, Bytes(crypto::blockSize(cipher), 0), *encryptedNonce);
    OPENSSL_cleanse(kPi.data(), kPi.size());
    if (nonce.empty()) return fail(protocolError("encrypted nonce of a wrong length"));

    // 2. Generic mapping: G' = s·G + sk_map·PK_map,IC.
    const Bytes mapPrivate = curve->randomScalar();
    auto mapPublic = curve->multiply(mapPrivate, curve->generator());
    if (!mapPublic) return fail(protocolError("mapping key"));
    auto chipMapPublic = generalAuthenticate(session, false, 0x81, *mapPublic, 0x82, "map nonce");
    if (!chipMapPublic) return fail(chipMapPublic.error());
    if (*chipMapPublic == *mapPublic) return fail(protocolError("chip echoed the mapping key"));
    auto mappedGenerator = curve->mapGeneric(nonce, mapPrivate, *chipMapPublic);
    OPENSSL_cleanse(nonce.data(), nonce.size());
    if (!mappedGenerator) return fail(protocolError("chip's mapping key is not a curve point"));

    // 3. Ephemeral key agreement on the mapped generator.
    const Bytes ephemeralPrivate = curve->randomScalar();
    auto ephemeralPublic = curve->multiply(ephemeralPrivate, *mappedGenerator);
    if (!ephemeralPublic) return fail(protocolError("ephemeral key"));
    auto chipPublic =
        generalAuthenticate(session, false, 0x83, *ephemeralPublic, 0x84, "key agreement");
    if (!chipPublic) return fail(chipPublic.error());
    if (*chipPublic == *ephemeralPublic)
        return fail(protocolError("chip echoed the ephemeral key"));
    auto shared = curve->sharedSecretX(ephemeralPrivate, *chipPublic);
    if (!shared) return fail(protocolError("chip's ephemeral key is not a curve point"));
    PaceSessionKeys keys = paceSessionKeys(*shared, cipher);
    OPENSSL_cleanse(shared->data(), shared->size());

    // 4. Mutual authentication: tokens over the other side's ephemeral public key.
    const Bytes terminalToken =
        paceAuthenticationToken(cipher, keys.ksMac, info.algorithm.oid, *chipPublic);
    auto chipToken =
        generalAuthenticate(session, true, 0x85, terminalToken, 0x86, "mutual authentication");
    if (!chipToken) return fail(chipToken.error());
    const Bytes expected =
        paceAuthenticationToken(cipher, keys.ksMac, info.algorithm.oid, *ephemeralPublic);
    if (!crypto::equalConstantTime(expected, *chipToken))
        return fail(
            ChipError{ChipError::Kind::AccessDenied, "the chip's PACE token did not verify"});

    session.startSecureMessaging(SecureMessaging(
        cipher, std::move(keys.ksEnc), std::move(keys.ksMac), Bytes(crypto::blockSize(cipher), 0)));
    return Success{};
}

}  // namespace dvc::emrtd
