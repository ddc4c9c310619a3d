#pragma once
// One whole read of a CCCD chip, for the kiosk's identify screen and the technician's
// `dvc-kioskctl card read`: open (PACE, else BAC), read EF.COM, DG1, DG13, DG2 and EF.SOD (DG14
// and DG15 when EF.COM lists them), parse what was read and run passive authentication.
// Blocking: worker threads only.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "common/result.h"
#include "identity/emrtd/csca_store.h"
#include "identity/emrtd/dg13.h"
#include "identity/emrtd/emrtd_reader.h"
#include "identity/emrtd/face_image.h"
#include "identity/emrtd/lds.h"
#include "identity/emrtd/mrz.h"
#include "identity/emrtd/passive_auth.h"

namespace dvc::emrtd {

struct CardReadout {
    AccessMethod access = AccessMethod::None;
    std::optional<ChipError> paceFailure;  // why BAC was used instead of PACE
    bool extendedLength = false;
    LinkCounters counters;

    std::map<int, Bytes> dataGroups;  // DG number → file bytes as read
    Bytes sod;
    std::optional<EfCom> com;
    // Parsed content; a group that does not parse keeps its error text instead.
    std::optional<Mrz> mrz;
    std::string mrzError;
    std::optional<Dg13> dg13;
    std::string dg13Error;
    std::optional<FaceImage> face;
    std::string faceError;
    PassiveAuthResult passiveAuth;
};

struct ReadoutOptions {
    ReaderOptions reader;
    const CscaStore* csca = nullptr;  // null: passive authentication says "no trust store"
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// percent 0…100 (weighted: opening 10 %, the files by their size, verifying the last 5 %) and an
// i18n step key (identity.step.opening, reading_data, reading_photo, verifying).
using ReadoutProgress = std::function<void(int percent, const char* stepKey)>;

Result<CardReadout, ChipError> readCccd(CardChannel& channel, const AccessKeys& keys,
                                        const ReadoutOptions& options,
                                        const ReadoutProgress& progress,
                                        const std::atomic<bool>* cancel);

}  // namespace dvc::emrtd
