#pragma once
// Entry points for libFuzzer targets (tests/fuzz): each takes arbitrary bytes, runs one parser of
// what a card sends, and must return without crashing or reading out of bounds.
#include <cstddef>
#include <cstdint>

namespace dvc::emrtd::fuzz {

// A protected response under fixed 3DES and AES sessions (MAC check, DO parsing, decryption).
void secureMessagingResponse(const std::uint8_t* data, std::size_t size);
// A protected command as the simulated card parses it.
void secureMessagingCommand(const std::uint8_t* data, std::size_t size);
// Command and response APDU parsing.
void apdu(const std::uint8_t* data, std::size_t size);
// EF.CardAccess (SecurityInfos / PACEInfo).
void cardAccess(const std::uint8_t* data, std::size_t size);

}  // namespace dvc::emrtd::fuzz
