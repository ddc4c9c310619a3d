#include "outbox/payload_cipher.h"

#include <sodium.h>

namespace dvc {

namespace {
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

std::vector<unsigned char> sealPayload(std::string_view plaintext, const OutboxKey& key,
                                       std::string_view associatedData) {
    ensureSodium();
    std::vector<unsigned char> out(kNonce + plaintext.size() + kTag);
    randombytes_buf(out.data(), kNonce);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + kNonce, &written, bytes(plaintext), plaintext.size(), bytes(associatedData),
        associatedData.size(), nullptr, out.data(), key.data());
    out.resize(kNonce + written);
    return out;
}

Result<std::string, std::string> openPayload(const std::vector<unsigned char>& sealed,
                                             const OutboxKey& key,
                                             std::string_view associatedData) {
    ensureSodium();
    if (sealed.size() < kNonce + kTag) return fail(std::string("sealed payload too short"));
    std::string plain(sealed.size() - kNonce - kTag, '\0');
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr,
            sealed.data() + kNonce, sealed.size() - kNonce, bytes(associatedData),
            associatedData.size(), sealed.data(), key.data()) != 0)
        return fail(std::string("payload does not authenticate (wrong key, altered or moved)"));
    plain.resize(written);
    return plain;
}

}  // namespace dvc
