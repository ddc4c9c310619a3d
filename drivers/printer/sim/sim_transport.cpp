#include "sim_transport.h"

namespace dvc::sim {

Result<std::size_t, TransportError> SimTransport::write(const std::vector<std::uint8_t>& bytes,
                                                        std::chrono::milliseconds) {
    auto replies = printer_->feed(bytes);
    pending_.insert(pending_.end(), replies.begin(), replies.end());
    written_ += bytes.size();
    return bytes.size();
}

Result<std::vector<std::uint8_t>, TransportError> SimTransport::read(std::size_t max,
                                                                     std::chrono::milliseconds) {
    if (pending_.empty())
        return fail(TransportError{TransportErrorKind::Timeout, "no reply from the printer"});
    std::vector<std::uint8_t> out;
    while (!pending_.empty() && out.size() < std::max<std::size_t>(max, 1)) {
        out.push_back(pending_.front());
        pending_.pop_front();
    }
    return out;
}

}  // namespace dvc::sim
