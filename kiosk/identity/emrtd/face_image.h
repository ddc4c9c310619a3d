#pragma once
// DG2: the portrait. 75 → 7F61 (biometric information group template) → 7F60 (one template)
// → 5F2E or 7F2E (biometric data block) holding an ISO/IEC 19794-5 record: "FAC\0" header,
// facial record header, feature points, image information, then the image itself
// (JPEG 2000 codestream or JP2 file, or JPEG). Decoding pixels is the imaging driver's job.
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/lds.h"

namespace dvc::emrtd {

enum class FaceImageFormat { Jpeg, Jpeg2000Codestream, Jp2, Unknown };

struct FaceImage {
    FaceImageFormat format = FaceImageFormat::Unknown;  // from the image's own signature
    std::uint8_t declaredDataType = 0;                  // 19794-5: 0 JPEG, 1 JPEG 2000
    std::uint16_t width = 0;  // as declared in the 19794-5 image information
    std::uint16_t height = 0;
    Bytes data;  // the encoded image bytes
};

// The first image of the first template (the CCCD carries one).
Result<FaceImage, LdsError> parseDg2(ByteView file);
// Just the 19794-5 record (what is inside 5F2E/7F2E).
Result<FaceImage, LdsError> parseFacialRecord(ByteView record);

FaceImageFormat sniffImageFormat(ByteView data);
const char* faceImageFormatName(FaceImageFormat format);

// For the simulated card: one image in a minimal 19794-5 record, wrapped as DG2.
Bytes encodeDg2(ByteView image, FaceImageFormat format, std::uint16_t width, std::uint16_t height);

// Decoded pixels, 8-bit RGB, row-major, no padding (filled by the imaging driver).
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * 3
};

}  // namespace dvc::emrtd
