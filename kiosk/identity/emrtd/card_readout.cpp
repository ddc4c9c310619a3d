#include "identity/emrtd/card_readout.h"

#include <algorithm>
#include <ctime>

namespace dvc::emrtd {

namespace {

int currentYear(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    return utc.tm_year + 1900;
}

// Where each file's share of the bar starts and how wide it is: DG2 (the photo, ~20 KB) is most
// of the read, so it gets most of the bar.
struct Slice {
    int from;
    int width;
    const char* step;
};

}  // namespace

Result<CardReadout, ChipError> readCccd(CardChannel& channel, const AccessKeys& keys,
                                        const ReadoutOptions& options,
                                        const ReadoutProgress& progress,
                                        const std::atomic<bool>* cancel) {
    auto report = [&](int percent, const char* step) {
        if (progress) progress(std::clamp(percent, 0, 100), step);
    };
    report(2, "identity.step.opening");
    EmrtdReader reader(channel, options.reader, cancel);
    auto opened = reader.open(keys);
    if (!opened) return fail(opened.error());

    CardReadout out;
    out.access = *opened;
    out.paceFailure = reader.paceFailure();
    out.extendedLength = reader.extendedLengthInUse();
    report(10, "identity.step.reading_data");

    auto readInto = [&](std::uint16_t fid, Slice slice) -> Result<Bytes, ChipError> {
        report(slice.from, slice.step);
        return reader.readFile(fid, [&](std::size_t done, std::size_t total) {
            if (total == 0) return;
            report(slice.from +
                       static_cast<int>(static_cast<double>(slice.width) *
                                        static_cast<double>(done) / static_cast<double>(total)),
                   slice.step);
        });
    };

    // EF.COM is optional on some cards: its absence is not an error.
    if (auto com = readInto(fid::kCom, {10, 2, "identity.step.reading_data"})) {
        if (auto parsed = parseEfCom(*com)) out.com = *parsed;
    } else if (com.error().kind != ChipError::Kind::FileNotFound) {
        return fail(com.error());
    }

    const Slice dg1Slice{12, 3, "identity.step.reading_data"};
    const Slice dg13Slice{15, 8, "identity.step.reading_data"};
    const Slice sodSlice{23, 8, "identity.step.reading_data"};
    const Slice dg2Slice{31, 62, "identity.step.reading_photo"};
    struct Wanted {
        int dataGroup;  // 0: EF.SOD
        std::uint16_t fid;
        Slice slice;
        bool required;
    };
    // In the order of the bar: the small files first, the photo last.
    std::vector<Wanted> wanted{{1, fid::kDg1, dg1Slice, true},
                               {13, fid::kDg13, dg13Slice, false},
                               {0, fid::kSod, sodSlice, false},
                               {2, fid::kDg2, dg2Slice, false}};
    if (out.com) {
        for (int dg : {14, 15})
            if (std::find(out.com->dataGroups.begin(), out.com->dataGroups.end(), dg) !=
                out.com->dataGroups.end())
                wanted.push_back({dg,
                                  dg == 14 ? fid::kDg14 : fid::kDg15,
                                  {93, 1, "identity.step.reading_data"},
                                  false});
    }
    for (const auto& w : wanted) {
        auto file = readInto(w.fid, w.slice);
        if (!file) {
            if (!w.required && file.error().kind == ChipError::Kind::FileNotFound) continue;
            return fail(file.error());
        }
        if (w.dataGroup == 0)
            out.sod = std::move(file).value();
        else
            out.dataGroups[w.dataGroup] = std::move(file).value();
    }

    report(95, "identity.step.verifying");
    if (auto mrz = parseDg1(out.dataGroups[1], currentYear(options.now)))
        out.mrz = *mrz;
    else
        out.mrzError = mrzErrorName(mrz.error().kind);
    if (out.dataGroups.count(13)) {
        if (auto dg13 = parseDg13(out.dataGroups[13]))
            out.dg13 = *dg13;
        else
            out.dg13Error = describe(dg13.error());
    }
    if (out.dataGroups.count(2)) {
        if (auto face = parseDg2(out.dataGroups[2]))
            out.face = std::move(face).value();
        else
            out.faceError = describe(face.error());
    }
    out.passiveAuth = verifyPassive(out.sod, out.dataGroups, options.csca, options.now);
    out.counters = reader.counters();
    report(100, "identity.step.verifying");
    return out;
}

}  // namespace dvc::emrtd
