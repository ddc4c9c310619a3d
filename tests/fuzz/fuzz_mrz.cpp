// libFuzzer: DG1 and MRZ text (TD1, TD3), with the CCCD helpers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "identity/emrtd/mrz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto dg1 = dvc::emrtd::parseDg1(dvc::emrtd::ByteView(data, size), 2026);
    if (dg1) {
        (void)dg1->cccdPersonalNumber();
        (void)dg1->cccdPersonalNumberCheckDigitOk();
    }
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)dvc::emrtd::parseMrz(text, 2026);
    (void)dvc::emrtd::mrzLetters(text);
    return 0;
}
