// libFuzzer: DG2 and the ISO 19794-5 header; the image inside goes to the decoders (OpenJPEG,
// stb_image) with small limits, so hostile headers are refused before any big allocation.
#include <cstddef>
#include <cstdint>

#include "identity/emrtd/face_image.h"
#include "imaging/image_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dvc::emrtd::ByteView input(data, size);
    dvc::imaging::DecodeLimits limits;
    limits.maxWidth = limits.maxHeight = 1024;
    limits.maxPixels = 512 * 512;
    auto face = dvc::emrtd::parseDg2(input);
    if (face) (void)dvc::imaging::decodeFaceImage(face->data, limits);
    (void)dvc::emrtd::parseFacialRecord(input);
    return 0;
}
