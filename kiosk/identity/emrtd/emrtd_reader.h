#pragma once
// The reader's side of a CCCD / eMRTD chip: open it (PACE with the CAN when EF.CardAccess offers
// it, BAC with the MRZ information otherwise or when PACE fails), select the LDS1 application
// and read files in chunks with progress and cancellation. Blocking: run it on a worker thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/card_access.h"
#include "identity/emrtd/chip_error.h"
#include "identity/emrtd/chip_session.h"
#include "identity/emrtd/lds.h"
#include "ports/card_reader.h"

namespace dvc::emrtd {

// File ids (fid::kCom, kSod, kDg1…) are in identity/emrtd/lds.h; EF.ATR/INFO is the reader's own.
namespace fid {
inline constexpr std::uint16_t kAtrInfo = 0x2F01;
}  // namespace fid

// The LDS1 eMRTD application, A0 00 00 02 47 10 01.
inline constexpr std::uint8_t kLds1Aid[] = {0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

enum class AccessMethod { None, Pace, Bac };
const char* accessMethodName(AccessMethod method);

struct AccessKeys {
    std::optional<std::string> can;             // CCCD: last 6 digits of the personal number
    std::optional<std::string> mrzInformation;  // bacMrzInformation(...)
};

struct ReaderOptions {
    bool tryPace = true;
    bool allowExtendedLength = true;       // used only when the channel and EF.ATR/INFO both allow
    std::size_t shortChunk = 0xDF;         // plain bytes per READ BINARY with a short Le
    std::size_t extendedChunk = 4096;      // plain bytes per READ BINARY with an extended Le
    std::size_t maxFileSize = 512 * 1024;  // a header announcing more is treated as a lie
};

using ReadProgress = std::function<void(std::size_t bytesRead, std::size_t totalBytes)>;

class EmrtdReader {
  public:
    explicit EmrtdReader(CardChannel& channel, ReaderOptions options = {},
                         const std::atomic<bool>* cancel = nullptr);

    Result<AccessMethod, ChipError> open(const AccessKeys& keys);
    // Selects the elementary file by FID and reads it whole (TLV header first, then chunks).
    Result<Bytes, ChipError> readFile(std::uint16_t fid, const ReadProgress& progress = {});

    AccessMethod accessMethod() const { return method_; }
    bool extendedLengthInUse() const { return extendedResponseLimit_ > 0; }
    const std::optional<PaceInfo>& paceInfo() const { return paceInfo_; }
    // Why PACE was not used or failed, when BAC opened the chip instead.
    const std::optional<ChipError>& paceFailure() const { return paceFailure_; }
    const LinkCounters& counters() const { return session_.counters(); }

  private:
    Result<Success, ChipError> select(const CommandApdu& command, const char* what);
    Result<Success, ChipError> selectFile(std::uint16_t fid);
    Result<Success, ChipError> selectApplication();
    Result<Bytes, ChipError> readBinary(std::size_t offset, std::size_t length, bool extended);
    Result<Bytes, ChipError> readSelected(const ReadProgress& progress);
    void readPreAuthenticationFiles();
    std::size_t chunkFor(bool extended) const;

    ChipSession session_;
    ReaderOptions options_;
    AccessMethod method_ = AccessMethod::None;
    std::optional<PaceInfo> paceInfo_;
    std::optional<ChipError> paceFailure_;
    std::size_t extendedResponseLimit_ = 0;  // 0: short APDUs only
};

}  // namespace dvc::emrtd
