#pragma once
// Authenticated encryption of an outbox payload: XChaCha20-Poly1305 (libsodium's IETF AEAD)
// with a random 192-bit nonce per payload, stored as nonce ‖ ciphertext ‖ tag. The row's
// idempotency key is the associated data, so a payload copied into another row fails to open.
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "outbox/outbox_key.h"

namespace dvc {

std::vector<unsigned char> sealPayload(std::string_view plaintext, const OutboxKey& key,
                                       std::string_view associatedData);

// The plaintext, or why it cannot be opened (too short, wrong key, altered, other row).
Result<std::string, std::string> openPayload(const std::vector<unsigned char>& sealed,
                                             const OutboxKey& key, std::string_view associatedData);

}  // namespace dvc
