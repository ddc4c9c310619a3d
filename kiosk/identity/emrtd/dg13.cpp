#include "identity/emrtd/dg13.h"

#include <chrono>

#include "identity/emrtd/der.h"
#include "identity/personal_number.h"

namespace dvc::emrtd {
namespace {

LdsError tlvError(const TlvError& e, const char* what) {
    return LdsError{LdsError::Kind::Tlv, what, e.kind};
}

bool isTextTag(std::uint32_t tag) {
    return tag == der::kUtf8String || tag == der::kPrintableString || tag == der::kIa5String ||
           tag == der::kVisibleString;
}

const char* tagName(std::uint32_t tag) {
    switch (tag) {
        case 0x1E:
            return "bmp_string";
        case 0x14:
            return "teletex_string";
        case der::kOctetString:
            return "octet_string";
        case der::kUtf8String:
            return "invalid_utf8";
        default:
            return "other";
    }
}

// Text of a string element; "" when empty; nullopt when not text.
std::optional<std::string> text(const Tlv& e) {
    if (!isTextTag(e.tag)) return std::nullopt;
    std::string s(e.value.begin(), e.value.end());
    if (!der::isValidUtf8(s)) return std::nullopt;
    return s;
}

std::optional<std::string> nonEmpty(std::optional<std::string> s) {
    if (!s) return s;
    auto first = s->find_first_not_of(" \t");
    if (first == std::string::npos) return std::nullopt;
    return s;
}

// The SEQUENCE { INTEGER, OID, SET }: directly inside 6D, or wrapped once more in a SEQUENCE
// (readers built on asn1 libraries see both shapes).
Result<ByteView, LdsError> findContent(ByteView body) {
    for (int depth = 0; depth < 3; ++depth) {
        auto seq = findTag(body, der::kSequence);
        if (!seq && seq.error().kind == TlvError::Kind::NotFound) break;
        if (!seq) return fail(tlvError(seq.error(), "DG13 SEQUENCE"));
        auto children = parseAll(seq->value);
        if (!children) return fail(tlvError(children.error(), "DG13 SEQUENCE"));
        for (const auto& c : *children)
            if (c.tag == der::kSet) return seq->value;
        body = seq->value;
    }
    return fail(LdsError{LdsError::Kind::MissingField, "DG13 SET"});
}

bool isIdNumber(const std::string& s) {
    return isAsciiDigits(s, 9) || isAsciiDigits(s, 12);
}

}  // namespace

std::optional<CccdDate> parseDdMmYyyy(std::string_view t) {
    if (t.size() != 10 || t[2] != '/' || t[5] != '/') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u, 6u, 7u, 8u, 9u})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    CccdDate d;
    d.d = (t[0] - '0') * 10 + (t[1] - '0');
    d.m = (t[3] - '0') * 10 + (t[4] - '0');
    d.y = (t[6] - '0') * 1000 + (t[7] - '0') * 100 + (t[8] - '0') * 10 + (t[9] - '0');
    if (!d.ymd().ok()) return std::nullopt;
    d.iso = std::string(t.substr(6, 4)) + "-" + std::string(t.substr(3, 2)) + "-" +
            std::string(t.substr(0, 2));
    return d;
}

std::optional<CccdDate> Dg13::parsedDateOfBirth() const {
    return dateOfBirth ? parseDdMmYyyy(*dateOfBirth) : std::nullopt;
}
std::optional<CccdDate> Dg13::parsedIssueDate() const {
    return issueDate ? parseDdMmYyyy(*issueDate) : std::nullopt;
}
std::optional<CccdDate> Dg13::parsedExpiryDate() const {
    return expiryDate ? parseDdMmYyyy(*expiryDate) : std::nullopt;
}
std::optional<Gender> Dg13::parsedGender() const {
    if (gender == "Nam") return Gender::Male;
    if (gender == "Nữ") return Gender::Female;
    return std::nullopt;
}

Result<Dg13, LdsError> parseDg13(ByteView file) {
    auto body = unwrapFile(file, 0x6D, "DG13");
    if (!body) return fail(body.error());
    auto content = findContent(*body);
    if (!content) return fail(content.error());
    auto set = findTag(*content, der::kSet);
    if (!set) return fail(tlvError(set.error(), "DG13 SET"));
    auto entries = parseAll(set->value);
    if (!entries) return fail(tlvError(entries.error(), "DG13 SET"));

    Dg13 out;
    std::optional<std::string> field15, field16;
    for (const auto& entry : *entries) {
        if (entry.tag != der::kSequence) continue;  // unknown shapes are skipped, not fatal
        auto parts = parseAll(entry.value);
        if (!parts) return fail(tlvError(parts.error(), "DG13 field"));
        if (parts->empty() || (*parts)[0].tag != der::kInteger) continue;
        auto number = der::decodeSmallInteger((*parts)[0].value);
        if (!number || parts->size() < 2) continue;
        const Tlv& value = (*parts)[1];
        int n = static_cast<int>(*number);

        if (n == 13 || n == 14) {
            // A SEQUENCE of names; tolerate a bare string too.
            std::vector<std::optional<std::string>> names;
            if (value.tag == der::kSequence) {
                auto inner = parseAll(value.value);
                if (!inner) return fail(tlvError(inner.error(), "DG13 names"));
                for (const auto& name : *inner) {
                    if (!text(name) && isTextTag(name.tag)) out.unreadable[n] = tagName(name.tag);
                    names.push_back(nonEmpty(text(name)));
                }
            } else {
                names.push_back(nonEmpty(text(value)));
            }
            if (n == 13) {
                if (!names.empty()) out.fatherName = names[0];
                if (names.size() > 1) out.motherName = names[1];
            } else if (!names.empty()) {
                out.spouseName = names[0];
            }
            continue;
        }

        auto s = text(value);
        if (!s) {
            if (n >= 1 && n <= 16) out.unreadable[n] = tagName(value.tag);
            continue;
        }
        auto v = nonEmpty(s);
        switch (n) {
            case 1:
                out.personalNumber = v;
                break;
            case 2:
                out.fullName = v;
                break;
            case 3:
                out.dateOfBirth = v;
                break;
            case 4:
                out.gender = v;
                break;
            case 5:
                out.nationality = v;
                break;
            case 6:
                out.ethnicity = v;
                break;
            case 7:
                out.religion = v;
                break;
            case 8:
                out.placeOfOrigin = v;
                break;
            case 9:
                out.placeOfResidence = v;
                break;
            case 10:
                out.identifyingMarks = v;
                break;
            case 11:
                out.issueDate = v;
                break;
            case 12:
                out.expiryDate = v;
                break;
            case 15:
                field15 = v;
                break;
            case 16:
                field16 = v;
                break;
            default:
                break;
        }
    }
    // Sources disagree on where the old ID number sits: take whichever field holds one.
    if (field15 && isIdNumber(*field15)) {
        out.oldIdNumber = field15;
        out.unknownValue = field16;
    } else if (field16 && isIdNumber(*field16)) {
        out.oldIdNumber = field16;
        out.unknownValue = field15;
    } else {
        out.unknownValue = field16 ? field16 : field15;
    }
    return out;
}

Bytes encodeDg13(const Dg13& d) {
    Bytes set;
    auto utf8 = [](const std::string& s) {
        return encodeTlv(der::kUtf8String, Bytes(s.begin(), s.end()));
    };
    auto field = [&](int n, const std::optional<std::string>& v) {
        if (!v) return;
        set = concat({set, encodeTlv(der::kSequence,
                                     concat({der::encodeInteger(static_cast<std::uint32_t>(n)),
                                             utf8(*v)}))});
    };
    field(1, d.personalNumber);
    field(2, d.fullName);
    field(3, d.dateOfBirth);
    field(4, d.gender);
    field(5, d.nationality);
    field(6, d.ethnicity);
    field(7, d.religion);
    field(8, d.placeOfOrigin);
    field(9, d.placeOfResidence);
    field(10, d.identifyingMarks);
    field(11, d.issueDate);
    field(12, d.expiryDate);
    if (d.fatherName || d.motherName) {
        Bytes names = concat({utf8(d.fatherName.value_or("")), utf8(d.motherName.value_or(""))});
        set = concat({set, encodeTlv(der::kSequence, concat({der::encodeInteger(13),
                                                             encodeTlv(der::kSequence, names)}))});
    }
    if (d.spouseName)
        set = concat({set, encodeTlv(der::kSequence,
                                     concat({der::encodeInteger(14),
                                             encodeTlv(der::kSequence, utf8(*d.spouseName))}))});
    field(15, d.oldIdNumber);
    field(16, d.unknownValue);
    Bytes content =
        concat({der::encodeInteger(1), der::encodeOid(kDg13Utf8Oid), encodeTlv(der::kSet, set)});
    return encodeTlv(0x6D, encodeTlv(der::kSequence, content));
}

}  // namespace dvc::emrtd
