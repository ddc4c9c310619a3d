// libFuzzer: DG13 (Vietnamese personal data).
#include <cstddef>
#include <cstdint>

#include "identity/emrtd/dg13.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto dg13 = dvc::emrtd::parseDg13(dvc::emrtd::ByteView(data, size));
    if (dg13) {
        (void)dg13->parsedDateOfBirth();
        (void)dg13->parsedIssueDate();
        (void)dg13->parsedExpiryDate();
        (void)dg13->parsedGender();
    }
    return 0;
}
