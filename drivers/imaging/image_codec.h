#pragma once
// Decoding the chip's portrait to pixels (and, for the simulated card, encoding one).
// JPEG 2000 with OpenJPEG, JPEG with stb_image. A driver rather than core code: it wraps C codec
// libraries with callbacks and global state, like the other device adapters; the core only sees
// the encoded bytes (identity/emrtd/face_image.h) and the RgbImage it gets back.
#include <cstddef>
#include <string>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/face_image.h"

namespace dvc::imaging {

// Checked against the image header before anything is decoded, so that a hostile header cannot
// make the decoder allocate gigabytes. A CCCD portrait is well under 1000 × 1000.
struct DecodeLimits {
    int maxWidth = 4096;
    int maxHeight = 4096;
    std::size_t maxPixels = 4'000'000;
};

struct ImageError {
    enum class Kind {
        Empty,          // no bytes
        UnknownFormat,  // neither JPEG 2000 (JP2 or codestream) nor JPEG
        Corrupt,        // the codec refused the data (detail: its message)
        TooLarge,       // beyond DecodeLimits
        Unsupported,    // e.g. more than 4 components, odd subsampling
        EncodeFailed,
    };
    Kind kind;
    std::string detail;
};

const char* imageErrorName(ImageError::Kind kind);

Result<emrtd::RgbImage, ImageError> decodeJpeg2000(emrtd::ByteView data, DecodeLimits limits = {});
Result<emrtd::RgbImage, ImageError> decodeJpeg(emrtd::ByteView data, DecodeLimits limits = {});
// Dispatches on the bytes' own signature (not on what the 19794-5 header claims).
Result<emrtd::RgbImage, ImageError> decodeFaceImage(emrtd::ByteView data, DecodeLimits limits = {});

// Lossy JPEG 2000 at about `targetBytes`; a JP2 file when `jp2Container`, else a codestream.
Result<emrtd::Bytes, ImageError> encodeJpeg2000(const emrtd::RgbImage& image,
                                                std::size_t targetBytes, bool jp2Container);

}  // namespace dvc::imaging
