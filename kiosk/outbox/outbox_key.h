#pragma once
// The secret key that encrypts personal data in the outbox (XChaCha20-Poly1305, 256 bits).
// It lives in its own file next to the outbox database, readable by its owner only (the
// kiosk's service user; root in the packaged kiosk), and is created on first run.
#include <array>
#include <filesystem>
#include <string>

#include "common/result.h"

namespace dvc {

class OutboxKey {
  public:
    static constexpr std::size_t kBytes = 32;

    // Reads the key file, or creates it (random, mode 0600, written atomically) when it does
    // not exist. Refuses a file of the wrong size, or one that others may read or write.
    static Result<OutboxKey, std::string> loadOrCreate(const std::filesystem::path& file);

    OutboxKey(const OutboxKey& other) = default;
    OutboxKey& operator=(const OutboxKey& other) = default;
    ~OutboxKey();

    const unsigned char* data() const { return bytes_.data(); }

  private:
    OutboxKey() = default;
    std::array<unsigned char, kBytes> bytes_{};
};

// libsodium's one-time initialisation; false if the library cannot be used.
bool ensureSodium();

}  // namespace dvc
