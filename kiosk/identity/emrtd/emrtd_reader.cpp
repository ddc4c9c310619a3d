#include "identity/emrtd/emrtd_reader.h"

#include <algorithm>

#include "identity/emrtd/bac.h"
#include "identity/emrtd/pace.h"
#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

namespace {

constexpr std::size_t kMaxB0Offset = 0x7FFF;  // READ BINARY B0 carries 15 bits of offset
constexpr std::size_t kHeaderProbe = 4;

ChipError statusError(std::uint16_t status, const std::string& what) {
    ChipError::Kind kind = ChipError::Kind::Protocol;
    if (status == sw::kFileNotFound) kind = ChipError::Kind::FileNotFound;
    if (status == sw::kSecurityStatusNotSatisfied || status == sw::kConditionsNotSatisfied)
        kind = ChipError::Kind::AccessDenied;
    if (status == sw::kSmDataObjectsMissing || status == sw::kSmDataObjectsIncorrect)
        kind = ChipError::Kind::SecureMessaging;
    return ChipError{kind, what + ": " + statusWordName(status)};
}

// The whole size of the BER-TLV element starting `head`: nullopt while more bytes are needed,
// 0 when the header cannot be a TLV header.
std::optional<std::size_t> tlvTotalSize(ByteView head) {
    std::size_t pos = 0;
    if (head.empty()) return std::nullopt;
    if ((head[pos++] & 0x1f) == 0x1f) {
        for (int extra = 0;; ++extra) {
            if (extra == 2) return 0;
            if (pos >= head.size()) return std::nullopt;
            if ((head[pos++] & 0x80) == 0) break;
        }
    }
    if (pos >= head.size()) return std::nullopt;
    std::size_t length = head[pos++];
    if (length & 0x80) {
        const std::size_t count = length & 0x7f;
        if (count == 0 || count > 4) return 0;
        if (head.size() < pos + count) return std::nullopt;
        length = 0;
        for (std::size_t i = 0; i < count; ++i) length = length << 8 | head[pos++];
    }
    return pos + length;
}

Bytes fidBytes(std::uint16_t fid) {
    return Bytes{static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid & 0xff)};
}

// EF.ATR/INFO's extended length information (ISO 7816-4 DO'7F66': two INTEGERs, the largest
// command and response the card takes). Returns the response limit, 0 if absent.
std::size_t extendedResponseLimit(ByteView atrInfo) {
    std::size_t offset = 0;
    while (offset < atrInfo.size()) {
        auto object = readTlv(atrInfo, offset);
        if (!object) return 0;
        if (object->tag != 0x7F66) continue;
        auto integers = parseAll(object->value);
        if (!integers || integers->size() < 2 || (*integers)[1].tag != 0x02) return 0;
        std::size_t limit = 0;
        for (auto b : (*integers)[1].value) limit = limit << 8 | b;
        return limit > kMaxShortNe ? std::min(limit, kMaxExtendedNe) : 0;
    }
    return 0;
}

}  // namespace

const char* accessMethodName(AccessMethod method) {
    switch (method) {
        case AccessMethod::None:
            return "none";
        case AccessMethod::Pace:
            return "PACE";
        case AccessMethod::Bac:
            return "BAC";
    }
    return "?";
}

EmrtdReader::EmrtdReader(CardChannel& channel, ReaderOptions options,
                         const std::atomic<bool>* cancel)
    : session_(channel, cancel), options_(options) {}

Result<Success, ChipError> EmrtdReader::select(const CommandApdu& command, const char* what) {
    auto response = session_.transmit(command);
    if (!response) return fail(response.error());
    if (!response->ok()) return fail(statusError(response->sw, what));
    return Success{};
}

Result<Success, ChipError> EmrtdReader::selectFile(std::uint16_t fid) {
    // P1=02 (EF under the current DF), P2=0C (no FCI): real CCCDs refuse SELECT MF (6D00), so
    // files are always selected directly by their identifier.
    return select(CommandApdu{0x00, 0xA4, 0x02, 0x0C, fidBytes(fid), 0}, "SELECT EF");
}

Result<Success, ChipError> EmrtdReader::selectApplication() {
    return select(
        CommandApdu{0x00, 0xA4, 0x04, 0x0C, Bytes(std::begin(kLds1Aid), std::end(kLds1Aid)), 0},
        "SELECT eMRTD application");
}

std::size_t EmrtdReader::chunkFor(bool extended) const {
    const std::size_t budget = extended ? extendedResponseLimit_ : kMaxShortNe;
    std::size_t chunk = std::min(extended ? options_.extendedChunk : options_.shortChunk, budget);
    if (const SecureMessaging* sm = session_.secureMessaging())
        while (chunk > 1 && chunk + sm->responseOverhead(chunk) > budget) --chunk;
    return std::max<std::size_t>(chunk, 1);
}

Result<Bytes, ChipError> EmrtdReader::readBinary(std::size_t offset, std::size_t length,
                                                 bool extended) {
    CommandApdu command{0x00, 0xB0, 0, 0, {}, length};
    const bool odd = offset > kMaxB0Offset;
    if (odd) {
        // READ BINARY B1: the offset travels in DO'54', the data comes back in DO'53'.
        Bytes offsetBytes{static_cast<std::uint8_t>(offset >> 16),
                          static_cast<std::uint8_t>(offset >> 8),
                          static_cast<std::uint8_t>(offset)};
        command.ins = 0xB1;
        command.data = encodeTlv(0x54, offsetBytes);
        // DO'53' and its length take up to 4 bytes of the response.
        command.ne = std::min(length + 4, extended ? kMaxExtendedNe : kMaxShortNe);
    } else {
        command.p1 = static_cast<std::uint8_t>(offset >> 8);
        command.p2 = static_cast<std::uint8_t>(offset & 0xff);
    }
    auto response = session_.transmit(command, extended);
    if (!response) return fail(response.error());
    if (!response->ok() && response->sw != sw::kEndOfFileReached)
        return fail(statusError(response->sw, "READ BINARY"));
    Bytes data = std::move(response->data);
    if (odd) {
        auto wrapped = findTag(data, 0x53);
        if (!wrapped) return fail(ChipError{ChipError::Kind::Protocol, "READ BINARY: no DO'53'"});
        data.assign(wrapped->value.begin(), wrapped->value.end());
    }
    if (data.size() > length)
        return fail(ChipError{ChipError::Kind::Protocol, "READ BINARY: more bytes than asked for"});
    if (data.empty())
        return fail(ChipError{ChipError::Kind::Protocol, "READ BINARY: no data before the end"});
    return data;
}

Result<Bytes, ChipError> EmrtdReader::readSelected(const ReadProgress& progress) {
    auto head = readBinary(0, kHeaderProbe, false);
    if (!head) return fail(head.error());
    Bytes file = std::move(head).value();
    auto total = tlvTotalSize(file);
    while (!total) {  // a header longer than the probe (tag of 2–3 bytes, 4-byte length)
        auto more = readBinary(file.size(), kHeaderProbe, false);
        if (!more) return fail(more.error());
        file.insert(file.end(), more->begin(), more->end());
        total = tlvTotalSize(file);
        if (!total && file.size() > 8) total = 0;
    }
    if (*total == 0 || *total < file.size())
        return fail(
            ChipError{ChipError::Kind::Protocol, "the file does not start with a TLV header"});
    if (*total > options_.maxFileSize)
        return fail(ChipError{ChipError::Kind::Protocol,
                              "the file announces " + std::to_string(*total) + " bytes"});
    file.reserve(*total);
    if (progress) progress(file.size(), *total);
    const bool extended = extendedResponseLimit_ > 0 && session_.secured();
    const std::size_t chunk = chunkFor(extended);
    while (file.size() < *total) {
        // Past 32 KB the data comes wrapped in DO'53' (up to 4 more bytes in the response).
        const std::size_t room = file.size() > kMaxB0Offset ? chunk - 4 : chunk;
        const std::size_t want = std::min(room, *total - file.size());
        // Extended APDUs only when the chunk needs them: a short tail stays short.
        auto part = readBinary(file.size(), want, extended && want > chunkFor(false));
        if (!part) return fail(part.error());
        file.insert(file.end(), part->begin(), part->end());
        if (progress) progress(file.size(), *total);
    }
    return file;
}

Result<Bytes, ChipError> EmrtdReader::readFile(std::uint16_t fid, const ReadProgress& progress) {
    if (method_ == AccessMethod::None)
        return fail(ChipError{ChipError::Kind::AccessDenied, "the chip is not open"});
    auto selected = selectFile(fid);
    if (!selected) return fail(selected.error());
    return readSelected(progress);
}

void EmrtdReader::readPreAuthenticationFiles() {
    // Both files sit in the master file and are readable without authentication; either may
    // be absent, which only means "no PACE" or "no extended length".
    paceInfo_.reset();
    extendedResponseLimit_ = 0;
    if (options_.tryPace && selectFile(fid::kCardAccess)) {
        if (auto file = readSelected({})) {
            if (auto infos = parseCardAccess(*file)) paceInfo_ = choosePaceInfo(*infos);
        }
    }
    if (options_.allowExtendedLength && session_.channel().extendedLengthSupported() &&
        selectFile(fid::kAtrInfo)) {
        if (auto file = readSelected({})) extendedResponseLimit_ = extendedResponseLimit(*file);
    }
}

Result<AccessMethod, ChipError> EmrtdReader::open(const AccessKeys& keys) {
    method_ = AccessMethod::None;
    paceFailure_.reset();
    session_.endSecureMessaging();
    if (!keys.can && !keys.mrzInformation)
        return fail(ChipError{ChipError::Kind::Unsupported, "neither a CAN nor MRZ information"});
    readPreAuthenticationFiles();
    if (session_.cancelled()) return fail(ChipError{ChipError::Kind::Cancelled, {}});

    auto fatal = [](const ChipError& e) {
        return e.kind == ChipError::Kind::CardRemoved || e.kind == ChipError::Kind::Cancelled ||
               e.kind == ChipError::Kind::NoReader || e.kind == ChipError::Kind::ReaderUnplugged ||
               e.kind == ChipError::Kind::NoCard;
    };

    if (paceInfo_) {
        PacePassword password = keys.can
                                    ? PacePassword{PacePasswordType::Can, *keys.can}
                                    : PacePassword{PacePasswordType::Mrz, *keys.mrzInformation};
        auto pace = performPace(session_, *paceInfo_, password);
        if (pace) {
            auto app = selectApplication();
            if (!app) return fail(app.error());
            method_ = AccessMethod::Pace;
            return method_;
        }
        if (fatal(pace.error())) return fail(pace.error());
        paceFailure_ = pace.error();
        if (!keys.mrzInformation) return fail(pace.error());
    } else if (options_.tryPace) {
        paceFailure_ =
            ChipError{ChipError::Kind::Unsupported, "EF.CardAccess offers no usable PACE"};
    }

    if (!keys.mrzInformation)
        return fail(ChipError{ChipError::Kind::Unsupported, "BAC needs the MRZ information"});
    session_.endSecureMessaging();
    auto app = selectApplication();
    if (!app) return fail(app.error());
    auto bac = performBac(session_, *keys.mrzInformation);
    if (!bac) return fail(bac.error());
    method_ = AccessMethod::Bac;
    return method_;
}

}  // namespace dvc::emrtd
