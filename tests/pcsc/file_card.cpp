#include "file_card.h"

namespace dvc::test {

namespace {

emrtd::Bytes sw(std::uint16_t word) {
    return {static_cast<std::uint8_t>(word >> 8), static_cast<std::uint8_t>(word & 0xFF)};
}

}  // namespace

FileCard::FileCard(bool extendedLength) : extendedLength_(extendedLength) {}

void FileCard::addFile(std::uint16_t fileId, emrtd::Bytes content) {
    std::lock_guard lock(mutex_);
    files_[fileId] = std::move(content);
}

void FileCard::onReadBinary(std::function<void()> hook) {
    std::lock_guard lock(mutex_);
    readHook_ = std::move(hook);
}

int FileCard::powerOns() const {
    std::lock_guard lock(mutex_);
    return powerOns_;
}

emrtd::Bytes FileCard::atr() const {
    // 3B 8K 80 01: T=0 and T=1 offered (as PC/SC readers build contactless ATRs), then the
    // historical bytes: category 80, card capabilities 73 with b7 of the third byte = extended
    // Lc/Le; then TCK, the XOR of T0 … last historical byte.
    const std::uint8_t capabilities = extendedLength_ ? 0x40 : 0x00;
    const std::uint8_t historical[] = {0x80, 0x73, 0x00, 0x00, capabilities};
    emrtd::Bytes out;
    out.reserve(4 + sizeof historical + 1);
    for (std::uint8_t b : {0x3B, 0x80 | static_cast<int>(sizeof historical), 0x80, 0x01})
        out.push_back(static_cast<std::uint8_t>(b));
    for (std::uint8_t b : historical) out.push_back(b);
    std::uint8_t tck = 0;
    for (std::size_t i = 1; i < out.size(); ++i) tck ^= out[i];
    out.push_back(tck);
    return out;
}

void FileCard::powerOn() {
    std::lock_guard lock(mutex_);
    ++powerOns_;
    selected_.reset();
}

void FileCard::powerOff() {
    std::lock_guard lock(mutex_);
    selected_.reset();
}

emrtd::Bytes FileCard::respond(emrtd::ByteView apdu) {
    if (apdu.size() < 4) return sw(0x6700);
    if (apdu[0] != 0x00) return sw(0x6E00);
    const std::uint8_t ins = apdu[1];
    if (ins == 0xB0) return readBinary(apdu);
    if (ins != 0xA4) return sw(0x6D00);
    // SELECT by file identifier: 00 A4 02 0C 02 FID (P1 00 accepted too).
    if (apdu.size() < 7 || apdu[4] != 2 || (apdu[2] != 0x00 && apdu[2] != 0x02)) return sw(0x6A86);
    const std::uint16_t fid = static_cast<std::uint16_t>(apdu[5] << 8 | apdu[6]);
    std::lock_guard lock(mutex_);
    auto file = files_.find(fid);
    if (file == files_.end()) return sw(0x6A82);
    selected_ = fid;
    if (apdu[3] == 0x0C) return sw(0x9000);
    // FCP with the file size (tag 80) for P2 = 04/00.
    const std::size_t size = file->second.size();
    return {0x62,
            0x04,
            0x80,
            0x02,
            static_cast<std::uint8_t>(size >> 8),
            static_cast<std::uint8_t>(size & 0xFF),
            0x90,
            0x00};
}

emrtd::Bytes FileCard::readBinary(emrtd::ByteView apdu) {
    std::function<void()> hook;
    {
        std::lock_guard lock(mutex_);
        hook = readHook_;
    }
    if (hook) hook();
    if (apdu[2] & 0x80) return sw(0x6A86);  // short-EF addressing: not on this card
    const std::size_t offset = static_cast<std::size_t>(apdu[2] << 8 | apdu[3]);
    std::size_t le = 0;
    if (apdu.size() == 5) {
        le = apdu[4] == 0 ? 256 : apdu[4];
    } else if (apdu.size() == 7 && apdu[4] == 0) {
        if (!extendedLength_) return sw(0x6700);
        le = static_cast<std::size_t>(apdu[5] << 8 | apdu[6]);
        if (le == 0) le = 65536;
    } else {
        return sw(0x6700);
    }
    std::lock_guard lock(mutex_);
    if (!selected_) return sw(0x6986);
    const emrtd::Bytes& content = files_[*selected_];
    if (offset > content.size()) return sw(0x6B00);
    const std::size_t count = std::min(le, content.size() - offset);
    emrtd::Bytes out(content.begin() + static_cast<std::ptrdiff_t>(offset),
                     content.begin() + static_cast<std::ptrdiff_t>(offset + count));
    const emrtd::Bytes status = sw(count < le ? 0x6282 : 0x9000);  // 6282: end of file first
    out.insert(out.end(), status.begin(), status.end());
    return out;
}

emrtd::Bytes patternBytes(std::size_t size, std::uint8_t seed) {
    emrtd::Bytes out(size);
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<std::uint8_t>((i * 31 + seed + (i >> 8)) & 0xFF);
    return out;
}

}  // namespace dvc::test
