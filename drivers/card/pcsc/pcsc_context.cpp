#include "pcsc_context.h"

#include <utility>

#include "pcsc_error.h"

namespace dvc::card {

Result<PcscContext, CardError> PcscContext::establish() {
    SCARDCONTEXT context = 0;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS)
        return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardEstablishContext", ""));
    PcscContext out(context);
    out.valid_ = true;
    return out;
}

PcscContext::PcscContext(PcscContext&& other) noexcept
    : context_(other.context_), valid_(std::exchange(other.valid_, false)) {}

PcscContext& PcscContext::operator=(PcscContext&& other) noexcept {
    if (this != &other) {
        if (valid_) SCardReleaseContext(context_);
        context_ = other.context_;
        valid_ = std::exchange(other.valid_, false);
    }
    return *this;
}

PcscContext::~PcscContext() {
    if (valid_) SCardReleaseContext(context_);  // fails harmlessly when pcscd is gone
}

Result<std::vector<std::string>, CardError> PcscContext::readers() const {
    DWORD size = 0;
    LONG rv = SCardListReaders(context_, nullptr, nullptr, &size);
    std::vector<std::string> names;
    if (rv == SCARD_E_NO_READERS_AVAILABLE) return names;
    if (rv != SCARD_S_SUCCESS)
        return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardListReaders", ""));
    std::string multi(size, '\0');
    rv = SCardListReaders(context_, nullptr, multi.data(), &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE) return names;
    if (rv != SCARD_S_SUCCESS)  // includes a reader plugged between the two calls
        return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardListReaders", ""));
    multi.resize(size);
    // A multi-string: names separated by NUL, ended by an empty name.
    for (std::size_t pos = 0; pos < multi.size() && multi[pos] != '\0';) {
        std::size_t end = multi.find('\0', pos);
        if (end == std::string::npos) end = multi.size();
        names.push_back(multi.substr(pos, end - pos));
        pos = end + 1;
    }
    return names;
}

}  // namespace dvc::card
