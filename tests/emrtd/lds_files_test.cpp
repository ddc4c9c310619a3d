// EF.COM, DG2 and DG13: what they accept, and errors (not crashes) for truncated or lying input.
#include <catch2/catch.hpp>

#include "identity/emrtd/der.h"
#include "identity/emrtd/dg13.h"
#include "identity/emrtd/face_image.h"
#include "identity/emrtd/lds.h"
#include "imaging/image_codec.h"

using namespace dvc::emrtd;

namespace {

Bytes utf8(const std::string& tagless, std::uint8_t tag = der::kUtf8String) {
    return encodeTlv(tag, Bytes(tagless.begin(), tagless.end()));
}

Bytes field(std::uint32_t n, const Bytes& value) {
    return encodeTlv(der::kSequence, concat({der::encodeInteger(n), value}));
}

Bytes dg13Of(const Bytes& setContent, bool extraWrap = false) {
    Bytes content = concat(
        {der::encodeInteger(1), der::encodeOid(kDg13Utf8Oid), encodeTlv(der::kSet, setContent)});
    Bytes seq = encodeTlv(der::kSequence, content);
    if (extraWrap) seq = encodeTlv(der::kSequence, seq);
    return encodeTlv(0x6D, seq);
}

}  // namespace

TEST_CASE("EF.COM round-trips and names its data groups", "[lds]") {
    auto com = parseEfCom(encodeEfCom({1, 2, 13, 14}));
    REQUIRE(com.ok());
    CHECK(com->ldsVersion == "1.7");
    CHECK(com->unicodeVersion == "4.0.0");
    CHECK(com->dataGroups == std::vector<int>{1, 2, 13, 14});
}

TEST_CASE("EF.COM errors are values", "[lds]") {
    auto good = encodeEfCom({1, 2});
    CHECK(parseEfCom(Bytes{}).error().kind == LdsError::Kind::Tlv);
    CHECK(parseEfCom(Bytes(good.begin(), good.end() - 1)).error().tlv ==
          TlvError::Kind::LengthBeyondData);
    CHECK(parseEfCom(encodeTlv(0x61, Bytes{})).error().kind == LdsError::Kind::UnexpectedTag);
    CHECK(parseEfCom(encodeTlv(0x60, encodeTlv(0x5C, Bytes{0x61}))).error().kind ==
          LdsError::Kind::MissingField);
    Bytes badTag =
        concat({encodeTlv(0x5F01, Bytes{'0', '1', '0', '7'}), encodeTlv(0x5C, Bytes{0x99})});
    CHECK(parseEfCom(encodeTlv(0x60, badTag)).error().kind == LdsError::Kind::BadValue);
    // Block padding after the element is tolerated; other trailing bytes are not.
    Bytes padded = good;
    padded.push_back(0x00);
    CHECK(parseEfCom(padded).ok());
    padded.push_back(0x42);
    CHECK(parseEfCom(padded).error().tlv == TlvError::Kind::TrailingData);
}

TEST_CASE("data-group numbers, tags and file ids agree", "[lds]") {
    CHECK(dataGroupTag(1) == 0x61);
    CHECK(dataGroupTag(2) == 0x75);
    CHECK(dataGroupTag(13) == 0x6D);
    CHECK(dataGroupFid(13) == fid::kDg13);
    CHECK(dataGroupFromTag(0x6E) == 14);
    CHECK(dataGroupFromFid(0x0102) == 2);
    CHECK_FALSE(dataGroupTag(17).has_value());
    CHECK_FALSE(dataGroupFromFid(fid::kSod).has_value());
}

TEST_CASE("DG2 yields the encoded portrait, its format and declared size", "[dg2]") {
    RgbImage img;
    img.width = 64;
    img.height = 80;
    img.pixels.resize(64 * 80 * 3);
    for (std::size_t i = 0; i < img.pixels.size(); ++i)
        img.pixels[i] = static_cast<std::uint8_t>(i * 7 % 251);
    auto j2k = dvc::imaging::encodeJpeg2000(img, 3000, false);
    REQUIRE(j2k.ok());
    auto face = parseDg2(encodeDg2(*j2k, FaceImageFormat::Jpeg2000Codestream, 64, 80));
    REQUIRE(face.ok());
    CHECK(face->format == FaceImageFormat::Jpeg2000Codestream);
    CHECK(face->declaredDataType == 1);
    CHECK(face->width == 64);
    CHECK(face->height == 80);
    CHECK(face->data == *j2k);
    auto pixels = dvc::imaging::decodeFaceImage(face->data);
    REQUIRE(pixels.ok());
    CHECK(pixels->width == 64);
    CHECK(pixels->height == 80);
    CHECK(pixels->pixels.size() == 64u * 80u * 3u);
}

TEST_CASE("DG2 garbage gives errors, never a crash", "[dg2]") {
    Bytes record = {'F', 'A', 'C', 0, '0', '1', '0', 0, 0, 0, 0, 14, 0, 1};
    CHECK(parseFacialRecord(record).error().kind == LdsError::Kind::Tlv);  // header only
    Bytes lying = record;
    lying[11] = 0xFF;  // record length beyond the data
    CHECK(parseFacialRecord(lying).error().kind == LdsError::Kind::BadValue);
    Bytes notFac = record;
    notFac[0] = 'X';
    CHECK(parseFacialRecord(notFac).error().kind == LdsError::Kind::BadValue);
    CHECK(parseDg2(encodeTlv(0x75, encodeTlv(0x7F61, Bytes{}))).error().kind ==
          LdsError::Kind::Tlv);
    auto unknown = encodeDg2(Bytes{1, 2, 3, 4, 5}, FaceImageFormat::Jpeg, 1, 1);
    CHECK(parseDg2(unknown).error().kind == LdsError::Kind::Unsupported);
    auto good =
        encodeDg2(Bytes{0xFF, 0x4F, 0xFF, 0x51, 0, 0}, FaceImageFormat::Jpeg2000Codestream, 1, 1);
    for (std::size_t cut = 0; cut < good.size(); ++cut)
        CHECK_FALSE(parseDg2(ByteView(good).first(cut)).ok());
}

TEST_CASE("the image decoders refuse garbage and oversized headers", "[dg2][imaging]") {
    using dvc::imaging::ImageError;
    CHECK(dvc::imaging::decodeFaceImage(Bytes{}).error().kind == ImageError::Kind::Empty);
    CHECK(dvc::imaging::decodeFaceImage(Bytes{1, 2, 3}).error().kind ==
          ImageError::Kind::UnknownFormat);
    Bytes fakeJ2k = {0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x29, 0x00, 0x00};
    CHECK(dvc::imaging::decodeJpeg2000(fakeJ2k).error().kind == ImageError::Kind::Corrupt);
    CHECK(dvc::imaging::decodeJpeg(Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0, 0}).error().kind ==
          ImageError::Kind::Corrupt);

    RgbImage img;
    img.width = 100;
    img.height = 60;
    img.pixels.assign(100 * 60 * 3, 128);
    auto jp2 = dvc::imaging::encodeJpeg2000(img, 2000, true);
    REQUIRE(jp2.ok());
    CHECK(sniffImageFormat(*jp2) == FaceImageFormat::Jp2);
    dvc::imaging::DecodeLimits small;
    small.maxPixels = 100 * 59;
    CHECK(dvc::imaging::decodeJpeg2000(*jp2, small).error().kind == ImageError::Kind::TooLarge);
    Bytes truncated(jp2->begin(), jp2->begin() + static_cast<std::ptrdiff_t>(jp2->size() / 2));
    CHECK_FALSE(dvc::imaging::decodeJpeg2000(truncated).ok());
}

TEST_CASE("DG13 fields by number, names in field 13, spouse in 14", "[dg13]") {
    Dg13 in;
    in.personalNumber = "001190012345";
    in.fullName = "Nguyễn Thị Lan";
    in.dateOfBirth = "14/03/1990";
    in.gender = "Nữ";
    in.issueDate = "10/07/2021";
    in.expiryDate = "Không thời hạn";
    in.fatherName = "Nguyễn Văn Hải";
    in.motherName = "Trần Thị Hoa";
    in.spouseName = "Lê Minh Tuấn";
    in.oldIdNumber = "013456789";
    auto out = parseDg13(encodeDg13(in));
    REQUIRE(out.ok());
    CHECK(out->personalNumber == in.personalNumber);
    CHECK(out->fullName == in.fullName);
    CHECK(out->parsedDateOfBirth()->iso == "1990-03-14");
    CHECK(out->parsedGender() == dvc::Gender::Female);
    CHECK(out->parsedIssueDate()->iso == "2021-07-10");
    CHECK_FALSE(out->parsedExpiryDate().has_value());
    CHECK(out->expiryDate == "Không thời hạn");
    CHECK(out->fatherName == in.fatherName);
    CHECK(out->motherName == in.motherName);
    CHECK(out->spouseName == in.spouseName);
    CHECK(out->oldIdNumber == "013456789");
    CHECK_FALSE(out->ethnicity.has_value());
    CHECK(out->unreadable.empty());
}

TEST_CASE("DG13: missing and empty fields are absent, not errors", "[dg13]") {
    Bytes set =
        concat({field(1, utf8("079203004321")), field(6, utf8("")), field(9, utf8("   ")),
                field(13, encodeTlv(der::kSequence, concat({utf8(""), utf8("Phạm Thị Ánh")}))),
                field(14, encodeTlv(der::kSequence, Bytes{}))});
    auto out = parseDg13(dg13Of(set));
    REQUIRE(out.ok());
    CHECK(out->personalNumber == "079203004321");
    CHECK_FALSE(out->fullName.has_value());
    CHECK_FALSE(out->ethnicity.has_value());
    CHECK_FALSE(out->placeOfResidence.has_value());
    CHECK_FALSE(out->fatherName.has_value());
    CHECK(out->motherName == "Phạm Thị Ánh");
    CHECK_FALSE(out->spouseName.has_value());
    CHECK_FALSE(out->oldIdNumber.has_value());
    CHECK(parseDg13(dg13Of(Bytes{})).ok());
}

TEST_CASE("DG13: the old ID number is found by content in 15 or 16", "[dg13]") {
    auto in16 = parseDg13(
        dg13Of(concat({field(15, utf8("A1B2C3D4E5F60718")), field(16, utf8("172345678"))})));
    REQUIRE(in16.ok());
    CHECK(in16->oldIdNumber == "172345678");
    CHECK(in16->unknownValue == "A1B2C3D4E5F60718");
    auto in15 = parseDg13(
        dg13Of(concat({field(15, utf8("038068001234")), field(16, utf8("0123456789ABCDEF"))})));
    REQUIRE(in15.ok());
    CHECK(in15->oldIdNumber == "038068001234");
    auto none = parseDg13(dg13Of(field(16, utf8("0123456789ABCDEF"))));
    REQUIRE(none.ok());
    CHECK_FALSE(none->oldIdNumber.has_value());
    CHECK(none->unknownValue == "0123456789ABCDEF");
}

TEST_CASE("DG13: other string types, invalid UTF-8 and the extra SEQUENCE wrapper", "[dg13]") {
    Bytes set = concat({field(1, utf8("001190012345", der::kPrintableString)),
                        field(2, encodeTlv(0x1E, Bytes{0x00, 0x41})),
                        field(7, encodeTlv(der::kUtf8String, Bytes{0xC3, 0x28}))});
    auto out = parseDg13(dg13Of(set, true));
    REQUIRE(out.ok());
    CHECK(out->personalNumber == "001190012345");
    CHECK_FALSE(out->fullName.has_value());
    CHECK(out->unreadable.at(2) == "bmp_string");
    CHECK(out->unreadable.at(7) == "invalid_utf8");
}

TEST_CASE("DG13: truncated and lying input gives errors", "[dg13]") {
    Dg13 in;
    in.fullName = "Trần Văn Đức";
    in.fatherName = "Trần Quốc Bảo";
    auto good = encodeDg13(in);
    for (std::size_t cut = 0; cut < good.size(); ++cut)
        CHECK_FALSE(parseDg13(ByteView(good).first(cut)).ok());
    Bytes lying = good;
    lying[1] = 0x7F;
    CHECK(parseDg13(lying).error().kind == LdsError::Kind::Tlv);
    CHECK(
        parseDg13(encodeTlv(0x6D, encodeTlv(der::kSequence, der::encodeInteger(1)))).error().kind ==
        LdsError::Kind::MissingField);
    CHECK(parseDg13(encodeTlv(0x6C, Bytes{})).error().kind == LdsError::Kind::UnexpectedTag);
}

TEST_CASE("dd/mm/yyyy dates must be real", "[dg13]") {
    CHECK(parseDdMmYyyy("29/02/2024").has_value());
    CHECK_FALSE(parseDdMmYyyy("29/02/2023").has_value());
    CHECK_FALSE(parseDdMmYyyy("2024-02-29").has_value());
    CHECK_FALSE(parseDdMmYyyy("").has_value());
}
