#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "imaging/image_codec.h"

namespace dvc::imaging {
namespace {

using emrtd::Bytes;
using emrtd::ByteView;
using emrtd::RgbImage;

struct InputBuffer {
    ByteView data;
    std::size_t position = 0;
};

OPJ_SIZE_T readInput(void* buffer, OPJ_SIZE_T size, void* user) {
    auto* in = static_cast<InputBuffer*>(user);
    std::size_t left = in->data.size() - in->position;
    if (left == 0) return static_cast<OPJ_SIZE_T>(-1);
    std::size_t n = std::min<std::size_t>(size, left);
    std::memcpy(buffer, in->data.data() + in->position, n);
    in->position += n;
    return n;
}

OPJ_OFF_T skipInput(OPJ_OFF_T count, void* user) {
    auto* in = static_cast<InputBuffer*>(user);
    if (count < 0) return -1;
    std::size_t left = in->data.size() - in->position;
    std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(count), left);
    in->position += n;
    return static_cast<OPJ_OFF_T>(n);
}

OPJ_BOOL seekInput(OPJ_OFF_T position, void* user) {
    auto* in = static_cast<InputBuffer*>(user);
    if (position < 0 || static_cast<std::size_t>(position) > in->data.size()) return OPJ_FALSE;
    in->position = static_cast<std::size_t>(position);
    return OPJ_TRUE;
}

struct OutputBuffer {
    Bytes data;
    std::size_t position = 0;
};

OPJ_SIZE_T writeOutput(void* buffer, OPJ_SIZE_T size, void* user) {
    auto* out = static_cast<OutputBuffer*>(user);
    if (out->position + size > out->data.size()) out->data.resize(out->position + size);
    std::memcpy(out->data.data() + out->position, buffer, size);
    out->position += size;
    return size;
}

OPJ_OFF_T skipOutput(OPJ_OFF_T count, void* user) {
    auto* out = static_cast<OutputBuffer*>(user);
    if (count < 0) return -1;
    out->position += static_cast<std::size_t>(count);
    if (out->position > out->data.size()) out->data.resize(out->position);
    return count;
}

OPJ_BOOL seekOutput(OPJ_OFF_T position, void* user) {
    auto* out = static_cast<OutputBuffer*>(user);
    if (position < 0) return OPJ_FALSE;
    out->position = static_cast<std::size_t>(position);
    if (out->position > out->data.size()) out->data.resize(out->position);
    return OPJ_TRUE;
}

// OpenJPEG reports problems through callbacks; keep the first error for the error value and
// stay silent otherwise (its default is to print to stderr).
void recordError(const char* message, void* user) {
    auto* text = static_cast<std::string*>(user);
    if (text->empty() && message) {
        *text = message;
        while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
    }
}
void ignoreMessage(const char*, void*) {}

// opj_codec_t and opj_stream_t are the same type (void*): one deleter type each.
struct CodecFree {
    void operator()(opj_codec_t* c) const { opj_destroy_codec(c); }
};
struct StreamFree {
    void operator()(opj_stream_t* s) const { opj_stream_destroy(s); }
};
struct ImageFree {
    void operator()(opj_image_t* i) const { opj_image_destroy(i); }
};
using Codec = std::unique_ptr<opj_codec_t, CodecFree>;
using Stream = std::unique_ptr<opj_stream_t, StreamFree>;
using Image = std::unique_ptr<opj_image_t, ImageFree>;

std::uint8_t to8Bits(OPJ_INT32 value, const opj_image_comp_t& comp) {
    std::int64_t v = value;
    if (comp.sgnd) v += std::int64_t{1} << (comp.prec - 1);
    if (comp.prec > 8)
        v >>= (comp.prec - 8);
    else if (comp.prec < 8)
        v <<= (8 - comp.prec);
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(v, 0, 255));
}

std::uint8_t clampByte(double v) {
    return static_cast<std::uint8_t>(std::clamp(v + 0.5, 0.0, 255.0));
}

}  // namespace

Result<RgbImage, ImageError> decodeJpeg2000(ByteView data, DecodeLimits limits) {
    auto format = emrtd::sniffImageFormat(data);
    if (data.empty()) return fail(ImageError{ImageError::Kind::Empty, {}});
    if (format != emrtd::FaceImageFormat::Jp2 &&
        format != emrtd::FaceImageFormat::Jpeg2000Codestream)
        return fail(ImageError{ImageError::Kind::UnknownFormat, {}});

    std::string message;
    Codec codec(opj_create_decompress(format == emrtd::FaceImageFormat::Jp2 ? OPJ_CODEC_JP2
                                                                            : OPJ_CODEC_J2K));
    if (!codec) return fail(ImageError{ImageError::Kind::Corrupt, "no codec"});
    opj_set_error_handler(codec.get(), recordError, &message);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    if (!opj_setup_decoder(codec.get(), &params))
        return fail(ImageError{ImageError::Kind::Corrupt, message});
    opj_decoder_set_strict_mode(codec.get(), OPJ_TRUE);  // truncated data is an error

    InputBuffer input{data, 0};
    Stream stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    if (!stream) return fail(ImageError{ImageError::Kind::Corrupt, "no stream"});
    opj_stream_set_user_data(stream.get(), &input, nullptr);
    opj_stream_set_user_data_length(stream.get(), data.size());
    opj_stream_set_read_function(stream.get(), readInput);
    opj_stream_set_skip_function(stream.get(), skipInput);
    opj_stream_set_seek_function(stream.get(), seekInput);

    opj_image_t* raw = nullptr;
    bool headerOk = opj_read_header(stream.get(), codec.get(), &raw);
    Image image(raw);
    if (!headerOk || !image) return fail(ImageError{ImageError::Kind::Corrupt, message});

    const std::int64_t width = static_cast<std::int64_t>(image->x1) - image->x0;
    const std::int64_t height = static_cast<std::int64_t>(image->y1) - image->y0;
    if (width <= 0 || height <= 0)
        return fail(ImageError{ImageError::Kind::Corrupt, "empty image"});
    if (width > limits.maxWidth || height > limits.maxHeight ||
        static_cast<std::size_t>(width * height) > limits.maxPixels)
        return fail(ImageError{ImageError::Kind::TooLarge,
                               std::to_string(width) + "x" + std::to_string(height)});
    if (image->numcomps == 0 || image->numcomps > 4)
        return fail(ImageError{ImageError::Kind::Unsupported,
                               std::to_string(image->numcomps) + " components"});

    if (!opj_decode(codec.get(), stream.get(), image.get()) ||
        !opj_end_decompress(codec.get(), stream.get()))
        return fail(ImageError{ImageError::Kind::Corrupt, message});

    const unsigned channels = image->numcomps >= 3 ? 3 : 1;
    for (unsigned c = 0; c < channels; ++c) {
        const auto& comp = image->comps[c];
        if (!comp.data || comp.dx == 0 || comp.dy == 0 || comp.prec == 0 || comp.prec > 16)
            return fail(ImageError{ImageError::Kind::Unsupported, "component layout"});
    }

    RgbImage out;
    out.width = static_cast<int>(width);
    out.height = static_cast<int>(height);
    out.pixels.resize(static_cast<std::size_t>(width * height) * 3);
    const bool ycc = image->color_space == OPJ_CLRSPC_SYCC && channels == 3;
    for (std::int64_t y = 0; y < height; ++y) {
        for (std::int64_t x = 0; x < width; ++x) {
            std::uint8_t v[3] = {0, 0, 0};
            for (unsigned c = 0; c < channels; ++c) {
                const auto& comp = image->comps[c];
                // Subsampled components (4:2:0 and the like) are sampled at the nearest point.
                std::int64_t cx = std::min<std::int64_t>(x / comp.dx, std::int64_t{comp.w} - 1);
                std::int64_t cy = std::min<std::int64_t>(y / comp.dy, std::int64_t{comp.h} - 1);
                if (cx < 0 || cy < 0)
                    return fail(ImageError{ImageError::Kind::Corrupt, "component size"});
                v[c] = to8Bits(comp.data[cy * comp.w + cx], comp);
            }
            auto* px = &out.pixels[static_cast<std::size_t>(y * width + x) * 3];
            if (channels == 1) {
                px[0] = px[1] = px[2] = v[0];
            } else if (ycc) {
                double yy = v[0], cb = v[1] - 128.0, cr = v[2] - 128.0;
                px[0] = clampByte(yy + 1.402 * cr);
                px[1] = clampByte(yy - 0.344136 * cb - 0.714136 * cr);
                px[2] = clampByte(yy + 1.772 * cb);
            } else {
                px[0] = v[0];
                px[1] = v[1];
                px[2] = v[2];
            }
        }
    }
    return out;
}

Result<Bytes, ImageError> encodeJpeg2000(const RgbImage& rgb, std::size_t targetBytes,
                                         bool jp2Container) {
    if (rgb.width <= 0 || rgb.height <= 0 ||
        rgb.pixels.size() !=
            static_cast<std::size_t>(rgb.width) * static_cast<std::size_t>(rgb.height) * 3)
        return fail(ImageError{ImageError::Kind::EncodeFailed, "bad input image"});

    opj_image_cmptparm_t parts[3];
    std::memset(parts, 0, sizeof parts);
    for (auto& p : parts) {
        p.dx = p.dy = 1;
        p.w = static_cast<OPJ_UINT32>(rgb.width);
        p.h = static_cast<OPJ_UINT32>(rgb.height);
        p.prec = 8;
        p.sgnd = 0;
    }
    Image image(opj_image_create(3, parts, OPJ_CLRSPC_SRGB));
    if (!image) return fail(ImageError{ImageError::Kind::EncodeFailed, "image"});
    image->x1 = static_cast<OPJ_UINT32>(rgb.width);
    image->y1 = static_cast<OPJ_UINT32>(rgb.height);
    const std::size_t count =
        static_cast<std::size_t>(rgb.width) * static_cast<std::size_t>(rgb.height);
    for (std::size_t i = 0; i < count; ++i)
        for (int c = 0; c < 3; ++c)
            image->comps[c].data[i] = rgb.pixels[i * 3 + static_cast<std::size_t>(c)];

    opj_cparameters_t params;
    opj_set_default_encoder_parameters(&params);
    params.tcp_numlayers = 1;
    params.cp_disto_alloc = 1;
    params.tcp_mct = 1;
    double ratio = static_cast<double>(count * 3) /
                   static_cast<double>(std::max<std::size_t>(targetBytes, 256));
    params.tcp_rates[0] = static_cast<float>(std::max(ratio, 1.0));
    int smallest = std::min(rgb.width, rgb.height);
    params.numresolution = 1;
    while (params.numresolution < 6 && (smallest >> params.numresolution) >= 8)
        ++params.numresolution;

    std::string message;
    Codec codec(opj_create_compress(jp2Container ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!codec) return fail(ImageError{ImageError::Kind::EncodeFailed, "codec"});
    opj_set_error_handler(codec.get(), recordError, &message);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
    if (!opj_setup_encoder(codec.get(), &params, image.get()))
        return fail(ImageError{ImageError::Kind::EncodeFailed, message});

    OutputBuffer output;
    Stream stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_FALSE));
    if (!stream) return fail(ImageError{ImageError::Kind::EncodeFailed, "stream"});
    opj_stream_set_user_data(stream.get(), &output, nullptr);
    opj_stream_set_write_function(stream.get(), writeOutput);
    opj_stream_set_skip_function(stream.get(), skipOutput);
    opj_stream_set_seek_function(stream.get(), seekOutput);
    if (!opj_start_compress(codec.get(), image.get(), stream.get()) ||
        !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get()))
        return fail(ImageError{ImageError::Kind::EncodeFailed, message});
    stream.reset();  // flushes
    return std::move(output.data);
}

}  // namespace dvc::imaging
