#include "identity/emrtd/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace dvc::emrtd::crypto {

namespace {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

Bytes digest(const EVP_MD* md, ByteView data) {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), out.data(), &length) != 1)
        return {};
    out.resize(length);
    return out;
}

// Single DES is two-key 3DES with both halves equal (E_k D_k E_k = E_k); this keeps us on the
// default provider, where OpenSSL 3 no longer offers plain DES.
Bytes doubled(ByteView key8) {
    return concat({key8, key8});
}

const EVP_CIPHER* evpCipher(Cipher cipher, bool cbc, std::size_t keySize) {
    switch (cipher) {
        case Cipher::Tdes:
            if (keySize != 16) return nullptr;
            return cbc ? EVP_des_ede_cbc() : EVP_des_ede_ecb();
        case Cipher::Aes128:
        case Cipher::Aes192:
        case Cipher::Aes256:
            // The AES variant follows the key actually given (PACE's K_π for AES-256 is 32 bytes
            // while the nonce stays one 16-byte block).
            if (keySize == 16) return cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
            if (keySize == 24) return cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
            if (keySize == 32) return cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
            return nullptr;
    }
    return nullptr;
}

Bytes runCipher(Cipher cipher, bool cbc, bool encrypt, ByteView key, ByteView iv, ByteView data) {
    const EVP_CIPHER* evp = evpCipher(cipher, cbc, key.size());
    const std::size_t block = blockSize(cipher);
    if (!evp || data.size() % block != 0 || (cbc && iv.size() != block)) return {};
    if (data.empty()) return {};
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex2(ctx.get(), evp, key.data(), cbc ? iv.data() : nullptr,
                                   encrypt ? 1 : 0, nullptr) != 1)
        return {};
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    Bytes out(data.size() + block);
    int written = 0, last = 0;
    if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out.data() + written, &last) != 1)
        return {};
    out.resize(static_cast<std::size_t>(written + last));
    return out;
}

}  // namespace

const char* cipherName(Cipher cipher) {
    switch (cipher) {
        case Cipher::Tdes:
            return "3DES";
        case Cipher::Aes128:
            return "AES-128";
        case Cipher::Aes192:
            return "AES-192";
        case Cipher::Aes256:
            return "AES-256";
    }
    return "?";
}

std::size_t blockSize(Cipher cipher) {
    return cipher == Cipher::Tdes ? 8 : 16;
}

std::size_t keyLength(Cipher cipher) {
    switch (cipher) {
        case Cipher::Tdes:
        case Cipher::Aes128:
            return 16;
        case Cipher::Aes192:
            return 24;
        case Cipher::Aes256:
            return 32;
    }
    return 16;
}

Bytes sha1(ByteView data) {
    return digest(EVP_sha1(), data);
}
Bytes sha256(ByteView data) {
    return digest(EVP_sha256(), data);
}

Bytes randomBytes(std::size_t count) {
    Bytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) return {};
    return out;
}

void adjustDesParity(Bytes& key) {
    for (auto& b : key) {
        int ones = 0;
        for (int bit = 1; bit < 8; ++bit) ones += (b >> bit) & 1;
        b = static_cast<std::uint8_t>((b & 0xfe) | (ones % 2 == 0 ? 1 : 0));
    }
}

Bytes kdf(ByteView secret, std::uint32_t counter, Cipher cipher) {
    const std::uint8_t c[4] = {
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    Bytes input = concat({secret, ByteView(c, 4)});
    const bool longKey = cipher == Cipher::Aes192 || cipher == Cipher::Aes256;
    Bytes hash = longKey ? sha256(input) : sha1(input);
    OPENSSL_cleanse(input.data(), input.size());
    hash.resize(keyLength(cipher));
    if (cipher == Cipher::Tdes) adjustDesParity(hash);
    return hash;
}

Bytes pad(ByteView data, std::size_t block) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % block != 0) out.push_back(0x00);
    return out;
}

std::optional<std::size_t> unpaddedLength(ByteView padded) {
    std::size_t i = padded.size();
    while (i > 0 && padded[i - 1] == 0x00) --i;
    if (i == 0 || padded[i - 1] != 0x80) return std::nullopt;
    return i - 1;
}

Bytes encryptCbc(Cipher cipher, ByteView key, ByteView iv, ByteView data) {
    return runCipher(cipher, true, true, key, iv, data);
}

Bytes decryptCbc(Cipher cipher, ByteView key, ByteView iv, ByteView data) {
    return runCipher(cipher, true, false, key, iv, data);
}

Bytes encryptBlock(Cipher cipher, ByteView key, ByteView block) {
    if (block.size() != blockSize(cipher)) return {};
    return runCipher(cipher, false, true, key, {}, block);
}

Bytes retailMac(ByteView key16, ByteView padded) {
    if (key16.size() != 16 || padded.empty() || padded.size() % 8 != 0) return {};
    const Bytes ka = doubled(key16.subspan(0, 8));
    const Bytes kb = doubled(key16.subspan(8, 8));
    const Bytes zeroIv(8, 0);
    Bytes chain = encryptCbc(Cipher::Tdes, ka, zeroIv, padded);
    if (chain.empty()) return {};
    Bytes last(chain.end() - 8, chain.end());
    Bytes mid = runCipher(Cipher::Tdes, false, false, kb, {}, last);
    if (mid.empty()) return {};
    return runCipher(Cipher::Tdes, false, true, ka, {}, mid);
}

Bytes aesCmac(ByteView key, ByteView data) {
    const char* name = key.size() == 16   ? "AES-128-CBC"
                       : key.size() == 24 ? "AES-192-CBC"
                       : key.size() == 32 ? "AES-256-CBC"
                                          : nullptr;
    if (!name) return {};
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    if (!mac) return {};
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    Bytes out(16);
    std::size_t length = 0;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(name), 0),
        OSSL_PARAM_construct_end()};
    const bool ok = ctx && EVP_MAC_init(ctx, key.data(), key.size(), params) == 1 &&
                    EVP_MAC_update(ctx, data.data(), data.size()) == 1 &&
                    EVP_MAC_final(ctx, out.data(), &length, out.size()) == 1;
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (!ok) return {};
    out.resize(length);
    return out;
}

Bytes smMac(Cipher cipher, ByteView key, ByteView data) {
    Bytes padded = pad(data, blockSize(cipher));
    if (cipher == Cipher::Tdes) return retailMac(key, padded);
    Bytes full = aesCmac(key, padded);
    if (full.size() < 8) return {};
    full.resize(8);
    return full;
}

bool equalConstantTime(ByteView a, ByteView b) {
    if (a.size() != b.size()) return false;
    return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace dvc::emrtd::crypto
