#include "identity/emrtd/face_image.h"

#include <algorithm>
#include <array>

namespace dvc::emrtd {
namespace {

constexpr std::size_t kGeneralHeaderSize = 14;  // "FAC\0", version, length(4), count(2)
constexpr std::size_t kFacialHeaderSize = 20;
constexpr std::size_t kFeaturePointSize = 8;
constexpr std::size_t kImageInfoSize = 12;

std::uint32_t readBe(ByteView v, std::size_t at, std::size_t n) {
    std::uint32_t out = 0;
    for (std::size_t i = 0; i < n; ++i) out = out << 8 | v[at + i];
    return out;
}

void appendBe(Bytes& out, std::uint32_t value, std::size_t n) {
    for (std::size_t i = n; i-- > 0;) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

LdsError error(LdsError::Kind kind, const char* what) {
    return LdsError{kind, what};
}
LdsError tlvError(const TlvError& e, const char* what) {
    return LdsError{LdsError::Kind::Tlv, what, e.kind};
}

}  // namespace

FaceImageFormat sniffImageFormat(ByteView d) {
    static constexpr std::array<std::uint8_t, 12> kJp2 = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50,
                                                          0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};
    if (d.size() >= kJp2.size() && std::equal(kJp2.begin(), kJp2.end(), d.begin()))
        return FaceImageFormat::Jp2;
    if (d.size() >= 4 && d[0] == 0xFF && d[1] == 0x4F && d[2] == 0xFF && d[3] == 0x51)
        return FaceImageFormat::Jpeg2000Codestream;
    if (d.size() >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return FaceImageFormat::Jpeg;
    return FaceImageFormat::Unknown;
}

const char* faceImageFormatName(FaceImageFormat format) {
    switch (format) {
        case FaceImageFormat::Jpeg:
            return "jpeg";
        case FaceImageFormat::Jpeg2000Codestream:
            return "j2k";
        case FaceImageFormat::Jp2:
            return "jp2";
        case FaceImageFormat::Unknown:
            return "unknown";
    }
    return "unknown";
}

Result<FaceImage, LdsError> parseFacialRecord(ByteView r) {
    if (r.size() < kGeneralHeaderSize) return fail(error(LdsError::Kind::Tlv, "19794-5 header"));
    if (!(r[0] == 'F' && r[1] == 'A' && r[2] == 'C' && r[3] == 0))
        return fail(error(LdsError::Kind::BadValue, "19794-5 format identifier"));
    std::uint32_t recordLength = readBe(r, 8, 4);
    std::uint32_t count = readBe(r, 12, 2);
    if (recordLength > r.size() || recordLength < kGeneralHeaderSize)
        return fail(error(LdsError::Kind::BadValue, "19794-5 record length"));
    if (count == 0) return fail(error(LdsError::Kind::MissingField, "19794-5 facial images"));
    ByteView record = r.first(recordLength);

    std::size_t at = kGeneralHeaderSize;
    if (record.size() - at < kFacialHeaderSize)
        return fail(error(LdsError::Kind::Tlv, "19794-5 facial record header"));
    std::uint32_t blockLength = readBe(record, at, 4);
    std::uint32_t featurePoints = readBe(record, at + 4, 2);
    if (blockLength > record.size() - at)
        return fail(error(LdsError::Kind::BadValue, "19794-5 facial block length"));
    ByteView block = record.subspan(at, blockLength);
    std::size_t imageInfoAt = kFacialHeaderSize + featurePoints * kFeaturePointSize;
    if (block.size() < imageInfoAt + kImageInfoSize)
        return fail(error(LdsError::Kind::BadValue, "19794-5 image information"));

    FaceImage image;
    image.declaredDataType = block[imageInfoAt + 1];
    image.width = static_cast<std::uint16_t>(readBe(block, imageInfoAt + 2, 2));
    image.height = static_cast<std::uint16_t>(readBe(block, imageInfoAt + 4, 2));
    ByteView data = block.subspan(imageInfoAt + kImageInfoSize);
    if (data.empty()) return fail(error(LdsError::Kind::MissingField, "19794-5 image data"));
    image.data.assign(data.begin(), data.end());
    image.format = sniffImageFormat(data);
    if (image.format == FaceImageFormat::Unknown)
        return fail(error(LdsError::Kind::Unsupported, "19794-5 image format"));
    return image;
}

Result<FaceImage, LdsError> parseDg2(ByteView file) {
    auto body = unwrapFile(file, 0x75, "DG2");
    if (!body) return fail(body.error());
    auto group = findTag(*body, 0x7F61);
    if (!group) return fail(tlvError(group.error(), "DG2 7F61"));
    auto templ = findTag(group->value, 0x7F60);
    if (!templ) return fail(tlvError(templ.error(), "DG2 7F60"));
    auto elements = parseAll(templ->value);
    if (!elements) return fail(tlvError(elements.error(), "DG2 7F60"));
    for (const auto& e : *elements)
        if (e.tag == 0x5F2E || e.tag == 0x7F2E) return parseFacialRecord(e.value);
    return fail(error(LdsError::Kind::MissingField, "DG2 5F2E"));
}

Bytes encodeDg2(ByteView image, FaceImageFormat format, std::uint16_t width, std::uint16_t height) {
    Bytes facial;
    appendBe(facial, static_cast<std::uint32_t>(kFacialHeaderSize + kImageInfoSize + image.size()),
             4);
    appendBe(facial, 0, 2);  // feature points
    facial.push_back(0);     // gender: unspecified (DG1 and DG13 carry it)
    facial.push_back(0);     // eye colour
    facial.push_back(0);     // hair colour
    appendBe(facial, 0, 3);  // feature mask
    appendBe(facial, 0, 2);  // expression
    appendBe(facial, 0, 3);  // pose angle
    appendBe(facial, 0, 3);  // pose angle uncertainty
    facial.push_back(1);     // face image type: full frontal
    facial.push_back(format == FaceImageFormat::Jpeg ? 0 : 1);
    appendBe(facial, width, 2);
    appendBe(facial, height, 2);
    facial.push_back(1);     // colour space: 24-bit RGB
    facial.push_back(2);     // source: digital still camera
    appendBe(facial, 0, 2);  // device type
    appendBe(facial, 0, 2);  // quality
    facial.insert(facial.end(), image.begin(), image.end());

    Bytes record = {'F', 'A', 'C', 0, '0', '1', '0', 0};
    appendBe(record, static_cast<std::uint32_t>(kGeneralHeaderSize + facial.size()), 4);
    appendBe(record, 1, 2);
    record.insert(record.end(), facial.begin(), facial.end());

    // Biometric header template: ICAO header version, type "face", format owner/type.
    Bytes header = concat({encodeTlv(0x80, Bytes{0x01, 0x01}), encodeTlv(0x81, Bytes{0x02}),
                           encodeTlv(0x87, Bytes{0x01, 0x01}), encodeTlv(0x88, Bytes{0x00, 0x08})});
    Bytes templ = concat({encodeTlv(0xA1, header), encodeTlv(0x5F2E, record)});
    Bytes group = concat({encodeTlv(0x02, Bytes{0x01}), encodeTlv(0x7F60, templ)});
    return encodeTlv(0x75, encodeTlv(0x7F61, group));
}

}  // namespace dvc::emrtd
