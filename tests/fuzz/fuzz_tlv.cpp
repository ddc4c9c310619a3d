// libFuzzer: BER-TLV reading and EF.COM.
#include <cstddef>
#include <cstdint>

#include "identity/emrtd/lds.h"
#include "identity/emrtd/tlv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dvc::emrtd::ByteView input(data, size);
    auto all = dvc::emrtd::parseAll(input);
    if (all) {
        for (const auto& tlv : *all)
            if (tlv.constructed()) (void)dvc::emrtd::parseAll(tlv.value);
    }
    (void)dvc::emrtd::findTag(input, 0x5F1F);
    (void)dvc::emrtd::parseEfCom(input);
    return 0;
}
