#include "identity/emrtd/fuzz_entry.h"

#include "identity/emrtd/apdu.h"
#include "identity/emrtd/card_access.h"
#include "identity/emrtd/secure_messaging.h"

namespace dvc::emrtd::fuzz {

namespace {
ByteView view(const std::uint8_t* data, std::size_t size) {
    return ByteView(data, size);
}
}  // namespace

void secureMessagingResponse(const std::uint8_t* data, std::size_t size) {
    SecureMessaging tdes(crypto::Cipher::Tdes, Bytes(16, 0x11), Bytes(16, 0x22), Bytes(8, 0));
    (void)tdes.unprotectResponse(view(data, size));
    SecureMessaging aes(crypto::Cipher::Aes128, Bytes(16, 0x11), Bytes(16, 0x22), Bytes(16, 0));
    (void)aes.unprotectResponse(view(data, size));
}

void secureMessagingCommand(const std::uint8_t* data, std::size_t size) {
    SecureMessaging aes(crypto::Cipher::Aes128, Bytes(16, 0x11), Bytes(16, 0x22), Bytes(16, 0));
    (void)aes.unprotectCommand(view(data, size));
}

void apdu(const std::uint8_t* data, std::size_t size) {
    if (auto command = CommandApdu::parse(view(data, size))) (void)command->encode();
    (void)ResponseApdu::parse(view(data, size));
}

void cardAccess(const std::uint8_t* data, std::size_t size) {
    if (auto infos = parseCardAccess(view(data, size))) (void)choosePaceInfo(*infos);
}

}  // namespace dvc::emrtd::fuzz
