// libFuzzer: EF.SOD (CMS SignedData through OpenSSL, then the LDSSecurityObject) and passive
// authentication against a fixed trust store.
#include <cstddef>
#include <cstdint>

#include "identity/emrtd/passive_auth.h"
#include "identity/emrtd/sod.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dvc::emrtd::ByteView input(data, size);
    (void)dvc::emrtd::parseSod(input);
    static const dvc::emrtd::CscaStore store = [] {
        auto loaded = dvc::emrtd::CscaStore::load(DVC_FUZZ_CSCA);
        return loaded ? *loaded : dvc::emrtd::CscaStore{};
    }();
    std::map<int, dvc::emrtd::Bytes> groups = {{1, dvc::emrtd::Bytes{0x61, 0x00}}};
    (void)dvc::emrtd::verifyPassive(input, groups, &store, std::chrono::system_clock::now());
    return 0;
}
