#include <stb_image.h>

#include "imaging/image_codec.h"

namespace dvc::imaging {

const char* imageErrorName(ImageError::Kind kind) {
    switch (kind) {
        case ImageError::Kind::Empty:
            return "empty";
        case ImageError::Kind::UnknownFormat:
            return "unknown_format";
        case ImageError::Kind::Corrupt:
            return "corrupt";
        case ImageError::Kind::TooLarge:
            return "too_large";
        case ImageError::Kind::Unsupported:
            return "unsupported";
        case ImageError::Kind::EncodeFailed:
            return "encode_failed";
    }
    return "unknown";
}

Result<emrtd::RgbImage, ImageError> decodeJpeg(emrtd::ByteView data, DecodeLimits limits) {
    if (data.empty()) return fail(ImageError{ImageError::Kind::Empty, {}});
    if (emrtd::sniffImageFormat(data) != emrtd::FaceImageFormat::Jpeg)
        return fail(ImageError{ImageError::Kind::UnknownFormat, {}});
    if (data.size() > 0x7fffffff) return fail(ImageError{ImageError::Kind::TooLarge, {}});
    const int size = static_cast<int>(data.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data.data(), size, &w, &h, &channels))
        return fail(ImageError{ImageError::Kind::Corrupt,
                               stbi_failure_reason() ? stbi_failure_reason() : ""});
    if (w <= 0 || h <= 0 || w > limits.maxWidth || h > limits.maxHeight ||
        static_cast<std::size_t>(w) * static_cast<std::size_t>(h) > limits.maxPixels)
        return fail(
            ImageError{ImageError::Kind::TooLarge, std::to_string(w) + "x" + std::to_string(h)});
    unsigned char* pixels = stbi_load_from_memory(data.data(), size, &w, &h, &channels, 3);
    if (!pixels)
        return fail(ImageError{ImageError::Kind::Corrupt,
                               stbi_failure_reason() ? stbi_failure_reason() : ""});
    emrtd::RgbImage out;
    out.width = w;
    out.height = h;
    out.pixels.assign(pixels,
                      pixels + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    stbi_image_free(pixels);
    return out;
}

Result<emrtd::RgbImage, ImageError> decodeFaceImage(emrtd::ByteView data, DecodeLimits limits) {
    switch (emrtd::sniffImageFormat(data)) {
        case emrtd::FaceImageFormat::Jp2:
        case emrtd::FaceImageFormat::Jpeg2000Codestream:
            return decodeJpeg2000(data, limits);
        case emrtd::FaceImageFormat::Jpeg:
            return decodeJpeg(data, limits);
        case emrtd::FaceImageFormat::Unknown:
            break;
    }
    if (data.empty()) return fail(ImageError{ImageError::Kind::Empty, {}});
    return fail(ImageError{ImageError::Kind::UnknownFormat, {}});
}

}  // namespace dvc::imaging
