#pragma once
// The symmetric primitives of ICAO 9303 Part 11 over OpenSSL 3's EVP interfaces: hashes, the
// key derivation function (§9.7.1), 3DES/AES in CBC, ISO 9797-1 padding, the retail MAC
// (MAC algorithm 3, for BAC and 3DES secure messaging) and AES-CMAC (PACE with AES).
// Keys have the sizes their cipher needs; a function given a wrong size returns empty bytes.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "identity/emrtd/bytes.h"

namespace dvc::emrtd::crypto {

enum class Cipher { Tdes, Aes128, Aes192, Aes256 };

const char* cipherName(Cipher cipher);
std::size_t blockSize(Cipher cipher);  // 8 or 16
std::size_t keyLength(Cipher cipher);  // 16 (two-key 3DES), 16, 24, 32

Bytes sha1(ByteView data);
Bytes sha256(ByteView data);
Bytes randomBytes(std::size_t count);

// Sets the low bit of each byte so that every byte has odd parity (DES key convention).
void adjustDesParity(Bytes& key);

// KDF(K, c) = H(K || c) cut to the cipher's key length (§9.7.1). Counter 1 = K_enc, 2 = K_mac,
// 3 = K_π (PACE password key).
inline constexpr std::uint32_t kKdfEncCounter = 1;
inline constexpr std::uint32_t kKdfMacCounter = 2;
inline constexpr std::uint32_t kKdfPasswordCounter = 3;
Bytes kdf(ByteView secret, std::uint32_t counter, Cipher cipher);

// ISO 9797-1 padding method 2: 80 then 00 up to a whole block (always adds at least one byte).
Bytes pad(ByteView data, std::size_t block);
// Length of the data once method-2 padding is removed; nullopt when the padding is malformed.
std::optional<std::size_t> unpaddedLength(ByteView padded);

// CBC without padding: the data must be whole blocks (empty result otherwise).
Bytes encryptCbc(Cipher cipher, ByteView key, ByteView iv, ByteView data);
Bytes decryptCbc(Cipher cipher, ByteView key, ByteView iv, ByteView data);
// One block through the block cipher (AES: the IV for secure messaging is E(KS_enc, SSC)).
Bytes encryptBlock(Cipher cipher, ByteView key, ByteView block);

// ISO 9797-1 MAC algorithm 3 with DES (retail MAC): 8 bytes. `padded` must already be padded.
Bytes retailMac(ByteView key16, ByteView padded);
// AES-CMAC (NIST SP 800-38B), full 16 bytes.
Bytes aesCmac(ByteView key, ByteView data);
// The 8-byte MAC of secure messaging and BAC: pads, then retail MAC (3DES) or CMAC cut to 8.
Bytes smMac(Cipher cipher, ByteView key, ByteView data);

// Compares without an early exit (MAC checks).
bool equalConstantTime(ByteView a, ByteView b);

}  // namespace dvc::emrtd::crypto
