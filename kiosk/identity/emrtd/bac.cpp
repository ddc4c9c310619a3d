#include "identity/emrtd/bac.h"

#include <openssl/crypto.h>

namespace dvc::emrtd {

namespace {

using crypto::Cipher;

Bytes xorBytes(ByteView a, ByteView b) {
    Bytes out(a.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        out[i] = static_cast<std::uint8_t>(a[i] ^ b[i]);
    return out;
}

SecureMessaging sessionFrom(ByteView kIfd, ByteView kIc, ByteView rndIc, ByteView rndIfd) {
    Bytes seed = xorBytes(kIfd, kIc);
    Bytes ssc = concat({rndIc.subspan(4, 4), rndIfd.subspan(4, 4)});
    SecureMessaging sm(Cipher::Tdes, crypto::kdf(seed, crypto::kKdfEncCounter, Cipher::Tdes),
                       crypto::kdf(seed, crypto::kKdfMacCounter, Cipher::Tdes), std::move(ssc));
    OPENSSL_cleanse(seed.data(), seed.size());
    return sm;
}

// Encrypts 32 bytes and appends their retail MAC: the shape of both cryptograms.
Bytes encryptAndMac(const BacKeys& keys, ByteView plain) {
    Bytes encrypted = crypto::encryptCbc(Cipher::Tdes, keys.kEnc, Bytes(8, 0), plain);
    Bytes mac = crypto::smMac(Cipher::Tdes, keys.kMac, encrypted);
    return concat({encrypted, mac});
}

// Verifies the MAC of a 40-byte cryptogram and returns the 32 decrypted bytes.
std::optional<Bytes> checkAndDecrypt(const BacKeys& keys, ByteView cryptogram) {
    if (cryptogram.size() != 40) return std::nullopt;
    ByteView encrypted = cryptogram.subspan(0, 32);
    Bytes expected = crypto::smMac(Cipher::Tdes, keys.kMac, encrypted);
    if (!crypto::equalConstantTime(expected, cryptogram.subspan(32, 8))) return std::nullopt;
    Bytes plain = crypto::decryptCbc(Cipher::Tdes, keys.kEnc, Bytes(8, 0), encrypted);
    if (plain.size() != 32) return std::nullopt;
    return plain;
}

}  // namespace

BacKeys deriveBacKeys(std::string_view mrzInformation) {
    const auto* chars = reinterpret_cast<const std::uint8_t*>(mrzInformation.data());
    Bytes hash = crypto::sha1(ByteView(chars, mrzInformation.size()));
    hash.resize(16);
    BacKeys keys;
    keys.kEnc = crypto::kdf(hash, crypto::kKdfEncCounter, Cipher::Tdes);
    keys.kMac = crypto::kdf(hash, crypto::kKdfMacCounter, Cipher::Tdes);
    keys.seed = std::move(hash);
    return keys;
}

Bytes bacTerminalCryptogram(const BacKeys& keys, ByteView rndIc, ByteView rndIfd, ByteView kIfd) {
    Bytes s = concat({rndIfd, rndIc, kIfd});
    Bytes out = encryptAndMac(keys, s);
    OPENSSL_cleanse(s.data(), s.size());
    return out;
}

std::optional<SecureMessaging> bacTerminalFinish(const BacKeys& keys, ByteView chipResponse,
                                                 ByteView rndIc, ByteView rndIfd, ByteView kIfd) {
    auto r = checkAndDecrypt(keys, chipResponse);
    if (!r) return std::nullopt;
    ByteView plain(*r);
    // R = RND.IC || RND.IFD || K_IC: both nonces must come back as sent.
    if (!crypto::equalConstantTime(plain.subspan(0, 8), rndIc) ||
        !crypto::equalConstantTime(plain.subspan(8, 8), rndIfd))
        return std::nullopt;
    SecureMessaging sm = sessionFrom(kIfd, plain.subspan(16, 16), rndIc, rndIfd);
    OPENSSL_cleanse(r->data(), r->size());
    return sm;
}

std::optional<BacChipAnswer> bacChipAnswer(const BacKeys& keys, ByteView terminalCryptogram,
                                           ByteView rndIc, ByteView kIc) {
    auto s = checkAndDecrypt(keys, terminalCryptogram);
    if (!s) return std::nullopt;
    ByteView plain(*s);
    if (!crypto::equalConstantTime(plain.subspan(8, 8), rndIc)) return std::nullopt;
    ByteView rndIfd = plain.subspan(0, 8);
    ByteView kIfd = plain.subspan(16, 16);
    Bytes r = concat({rndIc, rndIfd, kIc});
    BacChipAnswer answer{encryptAndMac(keys, r), sessionFrom(kIfd, kIc, rndIc, rndIfd)};
    OPENSSL_cleanse(r.data(), r.size());
    OPENSSL_cleanse(s->data(), s->size());
    return answer;
}

Result<Success, ChipError> performBac(ChipSession& session, std::string_view mrzInformation) {
    session.endSecureMessaging();
    auto challenge = session.transmitPlain(CommandApdu{0x00, 0x84, 0x00, 0x00, {}, 8});
    if (!challenge) return fail(challenge.error());
    if (!challenge->ok() || challenge->data.size() != 8)
        return fail(ChipError{ChipError::Kind::Protocol,
                              "GET CHALLENGE: " + statusWordName(challenge->sw)});

    const BacKeys keys = deriveBacKeys(mrzInformation);
    const Bytes rndIfd = crypto::randomBytes(8);
    const Bytes kIfd = crypto::randomBytes(16);
    if (rndIfd.size() != 8 || kIfd.size() != 16)
        return fail(ChipError{ChipError::Kind::Protocol, "no random numbers"});
    CommandApdu authenticate{
        0x00, 0x82, 0x00, 0x00, bacTerminalCryptogram(keys, challenge->data, rndIfd, kIfd), 40};
    auto answer = session.transmitPlain(authenticate);
    if (!answer) return fail(answer.error());
    if (answer->sw == sw::kAuthenticationFailed || answer->sw == sw::kSecurityStatusNotSatisfied ||
        answer->sw == 0x6983)
        return fail(ChipError{ChipError::Kind::AccessDenied,
                              "MUTUAL AUTHENTICATE: " + statusWordName(answer->sw)});
    if (!answer->ok())
        return fail(ChipError{ChipError::Kind::Protocol,
                              "MUTUAL AUTHENTICATE: " + statusWordName(answer->sw)});
    auto sm = bacTerminalFinish(keys, answer->data, challenge->data, rndIfd, kIfd);
    if (!sm)
        return fail(ChipError{ChipError::Kind::AccessDenied,
                              "the chip's authentication cryptogram did not verify"});
    session.startSecureMessaging(std::move(*sm));
    return Success{};
}

}  // namespace dvc::emrtd
