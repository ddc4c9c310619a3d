#pragma once
// Files of realistic sizes for the simulated chip: random contents inside the right outer tag
// (the LDS parsing is tested elsewhere; here only the bytes that travel matter).
#include <map>

#include "identity/emrtd/crypto.h"
#include "identity/emrtd/emrtd_reader.h"
#include "identity/emrtd/mrz_key.h"
#include "identity/emrtd/tlv.h"
#include "simulated_emrtd.h"

namespace dvc::emrtd::test {

inline Bytes lds1File(std::uint32_t tag, std::size_t totalSize) {
    std::size_t content = totalSize;
    while (content > 0 && encodeTlv(tag, Bytes(content, 0)).size() > totalSize) --content;
    return encodeTlv(tag, crypto::randomBytes(content));
}

// EF.COM ~30 B, SOD ~2 KB, DG1 ~100 B, DG2 20 KB, DG13 ~1 KB.
inline std::map<std::uint16_t, Bytes> cccdFiles(std::size_t dg2Size = 20000) {
    return {{fid::kCom, lds1File(0x60, 30)},
            {fid::kSod, lds1File(0x77, 2048)},
            {fid::kDg1, lds1File(0x61, 96)},
            {fid::kDg2, lds1File(0x75, dg2Size)},
            {fid::kDg13, lds1File(0x6D, 1024)}};
}

// A synthetic personal number; the CAN is its last six digits, the document number the last nine.
inline constexpr const char* kPersonalNumber = "001099012345";

inline std::string personaMrz() {
    return *bacMrzInformation(*cccdDocumentNumber(kPersonalNumber), "990101", "390101");
}

inline card::SimulatedEmrtdConfig personaCard(bool pace, bool extended) {
    card::SimulatedEmrtdConfig config;
    config.files = cccdFiles();
    config.mrzInformation = personaMrz();
    config.can = *cccdCardAccessNumber(kPersonalNumber);
    config.offerPace = pace;
    config.extendedLength = extended;
    return config;
}

}  // namespace dvc::emrtd::test
