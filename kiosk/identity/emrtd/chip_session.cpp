#include "identity/emrtd/chip_session.h"

namespace dvc::emrtd {

void LinkCounters::add(std::size_t sent, std::size_t received) {
    ++apdus;
    bytesSent += sent;
    bytesReceived += received;
    exchanges.push_back({sent, received});
}

ChipSession::ChipSession(CardChannel& channel, const std::atomic<bool>* cancel)
    : channel_(channel), cancel_(cancel) {}

Result<Bytes, ChipError> ChipSession::exchange(ByteView command) {
    if (cancelled()) return fail(ChipError{ChipError::Kind::Cancelled, {}});
    auto response = channel_.transmit(command);
    if (!response) {
        sm_.reset();  // whatever happened, the chip's session is gone or unknown
        return fail(fromCardError(response.error()));
    }
    counters_.add(command.size(), response->size());
    return std::move(response).value();
}

Result<ResponseApdu, ChipError> ChipSession::transmitPlain(const CommandApdu& command) {
    auto encoded = command.encode();
    if (!encoded)
        return fail(ChipError{ChipError::Kind::Protocol, std::string("command not encodable: ") +
                                                             apduErrorName(encoded.error().kind)});
    auto raw = exchange(*encoded);
    if (!raw) return fail(raw.error());
    auto response = ResponseApdu::parse(*raw);
    if (!response)
        return fail(ChipError{ChipError::Kind::Protocol, "response shorter than SW1 SW2"});
    return std::move(response).value();
}

Result<ResponseApdu, ChipError> ChipSession::transmit(const CommandApdu& command, bool extended) {
    if (!sm_) return transmitPlain(command);
    auto wrapped = sm_->protectCommand(command, extended);
    if (!wrapped) return fail(ChipError{ChipError::Kind::Protocol, "command not encodable"});
    auto raw = exchange(*wrapped);
    if (!raw) return fail(raw.error());
    auto response = sm_->unprotectResponse(*raw);
    if (!response) {
        const SmError& e = response.error();
        sm_.reset();
        std::string detail = std::string("response ") + smErrorName(e.kind);
        if (e.kind == SmError::Kind::PlainStatus) {
            detail = "card left secure messaging with " + statusWordName(e.sw);
            if (e.sw == sw::kSecurityStatusNotSatisfied)
                return fail(ChipError{ChipError::Kind::AccessDenied, detail});
        }
        return fail(ChipError{ChipError::Kind::SecureMessaging, detail});
    }
    return std::move(response).value();
}

}  // namespace dvc::emrtd
