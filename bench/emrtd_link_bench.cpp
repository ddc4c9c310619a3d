// dvc-emrtd-bench: a full CCCD read (EF.COM, SOD, DG1, DG2 20 KB, DG13) from the simulated chip
// through BAC and PACE, short and extended APDUs, with the link modelled at 424 kbit/s
// (ISO 14443-4 blocks, FSC 256). Prints `name: value unit` lines:
//   emrtd_<pace|bac>_<short|extended>_apdus           APDUs of the whole session
//   emrtd_<...>_wire_bytes                            APDU bytes both ways (whole session)
//   emrtd_<...>_read_ratio                            modelled read time / file bytes at 424 kbit/s
//   emrtd_<...>_session_ratio                         the same including opening the chip
// Usage: dvc-emrtd-bench [--turnaround-us N]
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "identity/emrtd/crypto.h"
#include "identity/emrtd/emrtd_reader.h"
#include "identity/emrtd/link_model.h"
#include "identity/emrtd/mrz_key.h"
#include "identity/emrtd/tlv.h"
#include "sim_card_reader.h"
#include "simulated_emrtd.h"

using namespace dvc;
using namespace dvc::emrtd;

namespace {

Bytes file(std::uint32_t tag, std::size_t size) {
    std::size_t content = size;
    while (encodeTlv(tag, Bytes(content, 0)).size() > size) --content;
    return encodeTlv(tag, crypto::randomBytes(content));
}

LinkCounters slice(const LinkCounters& all, std::size_t from) {
    LinkCounters out;
    for (std::size_t i = from; i < all.exchanges.size(); ++i)
        out.add(all.exchanges[i].commandBytes, all.exchanges[i].responseBytes);
    return out;
}

bool run(bool pace, bool extended, const LinkModel& model) {
    const std::string personalNumber = "001099012345";
    card::SimulatedEmrtdConfig config;
    config.files = {{fid::kCom, file(0x60, 30)},
                    {fid::kSod, file(0x77, 2048)},
                    {fid::kDg1, file(0x61, 96)},
                    {fid::kDg2, file(0x75, 20000)},
                    {fid::kDg13, file(0x6D, 1024)}};
    config.mrzInformation =
        *bacMrzInformation(*cccdDocumentNumber(personalNumber), "990101", "390101");
    config.can = *cccdCardAccessNumber(personalNumber);
    config.offerPace = pace;
    config.extendedLength = extended;
    std::size_t fileBytes = 0;
    for (const auto& [fid, bytes] : config.files) fileBytes += bytes.size();
    const auto files = config.files;

    card::SimCardReader reader("bench", true);
    reader.presentCard(std::make_shared<card::SimulatedEmrtd>(std::move(config)));
    std::atomic<bool> cancel{false};
    auto channel = reader.waitForCard("", std::chrono::milliseconds(100), cancel);
    if (!channel) return false;
    EmrtdReader chip(**channel);
    auto opened = chip.open(
        AccessKeys{cccdCardAccessNumber(personalNumber),
                   bacMrzInformation(*cccdDocumentNumber(personalNumber), "990101", "390101")});
    if (!opened) {
        std::fprintf(stderr, "open failed: %s\n", describe(opened.error()).c_str());
        return false;
    }
    const std::size_t readsFrom = chip.counters().exchanges.size();
    for (const auto& [fid, bytes] : files) {
        auto read = chip.readFile(fid);
        if (!read || *read != bytes) {
            std::fprintf(stderr, "read of %04X failed\n", fid);
            return false;
        }
    }
    const LinkCounters& all = chip.counters();
    const std::string name =
        std::string("emrtd_") + (pace ? "pace" : "bac") + "_" + (extended ? "extended" : "short");
    const double payload = model.payloadSeconds(fileBytes);
    std::printf("%s_apdus: %zu count\n", name.c_str(), all.apdus);
    std::printf("%s_read_apdus: %zu count\n", name.c_str(), all.apdus - readsFrom);
    std::printf("%s_wire_bytes: %zu bytes\n", name.c_str(), all.bytesSent + all.bytesReceived);
    std::printf("%s_file_bytes: %zu bytes\n", name.c_str(), fileBytes);
    std::printf("%s_read_ratio: %.3f ratio\n", name.c_str(),
                model.seconds(slice(all, readsFrom)) / payload);
    std::printf("%s_session_ratio: %.3f ratio\n", name.c_str(), model.seconds(all) / payload);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    LinkModel model;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--turnaround-us" && i + 1 < argc) {
            model.turnaroundSeconds = std::atof(argv[++i]) / 1e6;
        } else {
            std::fprintf(stderr, "usage: dvc-emrtd-bench [--turnaround-us N]\n");
            return 2;
        }
    }
    bool ok = true;
    for (bool pace : {true, false})
        for (bool extended : {false, true}) ok = run(pace, extended, model) && ok;
    return ok ? 0 : 1;
}
