#include "server/dossier_validation.h"

#include <set>

#include "common/utf8.h"
#include "forms/validation.h"
#include "server/clock.h"
#include "server/problem.h"

namespace dvc::gateway {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxFormMembers = 200;
constexpr std::size_t kMaxFormText = 2000;  // code points of one value
// form → group → entry → address object → its parts (qua_trinh_cu_tru[0].noi_cu_tru)
constexpr int kMaxFormDepth = 4;
constexpr std::size_t kMaxAttachments = 50;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isProcedureCode(const std::string& s) {
    if (s.empty() || s.size() > 40 || !isAlnum(s[0])) return false;
    for (char c : s)
        if (!isAlnum(c) && c != '.' && c != '-') return false;
    return true;
}

bool isKioskId(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!isAlnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

bool isFieldId(const std::string& s) {
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_')) return false;
    return true;
}

bool allDigits(const std::string& s, std::size_t n) {
    if (s.size() != n) return false;
    for (char c : s)
        if (!isDigit(c)) return false;
    return true;
}

// ^(0|\+84)[0-9]{9}$
bool isPhone(const std::string& s) {
    if (s.rfind("+84", 0) == 0) return allDigits(s.substr(3), 9);
    return s.size() == 10 && s[0] == '0' && allDigits(s.substr(1), 9);
}

// Deliberately loose (one '@', a dot in the domain, no spaces): mail servers decide the rest.
bool isEmail(const std::string& s) {
    auto at = s.find('@');
    if (s.size() > 254 || at == std::string::npos || at == 0 || s.find('@', at + 1) != s.npos)
        return false;
    auto dot = s.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= s.size()) return false;
    for (unsigned char c : s)
        if (c <= ' ') return false;
    return true;
}

// Strictly valid UTF-8 (no overlongs, no surrogates): names end up in other systems.
bool isValidUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
        if (len == 0 || i + len > s.size()) return false;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 2) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

FieldError fieldError(std::string field, std::string code, std::string vi, std::string en) {
    return {std::move(field), std::move(code), {std::move(vi), std::move(en)}};
}

class Checker {
  public:
    explicit Checker(DossierRequestCheck& out) : out_(out) {}

    // A required member of `object` with the given JSON type; records the 400 problem otherwise.
    const json* member(const json& object, const std::string& prefix, const char* name,
                       json::value_t type, const char* typeName) {
        if (out_.malformed) return nullptr;
        std::string path = prefix + name;
        auto it = object.find(name);
        if (it == object.end() || it->is_null()) {
            out_.malformed = problems::missingField(path);
            return nullptr;
        }
        if (it->type() != type) {
            out_.malformed = problems::invalidField(path, path + " must be " + typeName);
            return nullptr;
        }
        return &*it;
    }
    // An optional string member; nullptr when absent, 400 when of another type.
    const json* optionalString(const json& object, const std::string& prefix, const char* name) {
        auto it = object.find(name);
        if (out_.malformed || it == object.end() || it->is_null()) return nullptr;
        if (!it->is_string()) {
            out_.malformed =
                problems::invalidField(prefix + name, prefix + name + " must be a string");
            return nullptr;
        }
        return &*it;
    }
    void invalid(std::string field, std::string detail) {
        if (!out_.malformed)
            out_.malformed = problems::invalidField(std::move(field), std::move(detail));
    }
    void error(FieldError e) { out_.errors.push_back(std::move(e)); }

  private:
    DossierRequestCheck& out_;
};

void checkApplicant(Checker& c, const json& applicant, const std::string& today) {
    const std::string p = "applicant.";
    const json* name = c.member(applicant, p, "full_name", json::value_t::string, "a string");
    const json* id = c.member(applicant, p, "id_number", json::value_t::string, "a string");
    const json* dob = c.member(applicant, p, "date_of_birth", json::value_t::string, "a string");
    const json* gender = c.optionalString(applicant, p, "gender");
    const json* phone = c.optionalString(applicant, p, "phone");
    const json* email = c.optionalString(applicant, p, "email");
    const json* address = c.optionalString(applicant, p, "address");
    if (!name || !id || !dob) return;

    const auto& n = name->get_ref<const std::string&>();
    if (n.empty() || codepointCount(n) > 100 || !isValidUtf8(n))
        c.error(fieldError("applicant.full_name", n.empty() ? "required" : "invalid_format",
                           "Họ và tên phải có từ 1 đến 100 ký tự.",
                           "The full name must have 1 to 100 characters."));
    if (!allDigits(id->get_ref<const std::string&>(), 12))
        c.error(fieldError("applicant.id_number", "invalid_format",
                           "Số định danh cá nhân phải gồm 12 chữ số.",
                           "The personal identification number must have 12 digits."));
    const auto& d = dob->get_ref<const std::string&>();
    if (!isIsoDate(d))
        c.error(fieldError("applicant.date_of_birth", "invalid_format",
                           "Ngày sinh không đúng định dạng.", "The date of birth is not valid."));
    else if (d > today)  // ISO dates compare as text
        c.error(fieldError("applicant.date_of_birth", "out_of_range",
                           "Ngày sinh không được sau ngày hôm nay.",
                           "The date of birth cannot be in the future."));
    if (gender && *gender != "nam" && *gender != "nu")
        c.error(fieldError("applicant.gender", "invalid_format", "Giới tính không hợp lệ.",
                           "The gender is not valid."));
    if (phone && !isPhone(phone->get_ref<const std::string&>()))
        c.error(fieldError("applicant.phone", "invalid_format",
                           "Số điện thoại không đúng định dạng.",
                           "The phone number is not valid."));
    if (email && !isEmail(email->get_ref<const std::string&>()))
        c.error(fieldError("applicant.email", "invalid_format", "Địa chỉ email không hợp lệ.",
                           "The email address is not valid."));
    if (address) {
        const auto& a = address->get_ref<const std::string&>();
        if (codepointCount(a) > 300 || !isValidUtf8(a))
            c.error(fieldError("applicant.address", "too_long", "Địa chỉ không được quá 300 ký tự.",
                               "The address cannot exceed 300 characters."));
    }
}

// Shape limits every form shares, whatever its schema: sizes, keys, value types. They keep a
// hostile body from storing megabytes or deep structures; the procedure's own rules are the
// schema validator's job (see validateFormValues).
void checkFormShape(Checker& c, const json& value, const std::string& path, int depth) {
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (codepointCount(s) > kMaxFormText || !isValidUtf8(s))
            c.error(fieldError(path, "too_long", "Nội dung quá dài hoặc không hợp lệ.",
                               "The value is too long or not valid text."));
        return;
    }
    if (value.is_primitive()) return;  // number, boolean, null
    if (depth >= kMaxFormDepth) {
        c.invalid(path, path + " is nested too deeply");
        return;
    }
    if (value.is_array()) {
        if (value.size() > kMaxFormMembers) c.invalid(path, path + " has too many entries");
        for (std::size_t i = 0; i < value.size() && i < kMaxFormMembers; ++i)
            checkFormShape(c, value[i], path + "[" + std::to_string(i) + "]", depth + 1);
        return;
    }
    if (value.size() > kMaxFormMembers) c.invalid(path, path + " has too many members");
    for (const auto& [key, member] : value.items()) {
        if (!isFieldId(key)) {
            c.invalid(path, "field ids must match ^[a-z][a-z0-9_]*$");
            return;
        }
        checkFormShape(c, member, path + "." + key, depth + 1);
    }
}

// `today` comes from the gateway's clock as YYYY-MM-DD; a non-digit counts as 0 rather than
// throwing.
std::chrono::year_month_day parseDay(const std::string& isoDate) {
    using namespace std::chrono;
    auto num = [&](std::size_t pos, std::size_t len) {
        int n = 0;
        for (std::size_t i = pos; i < pos + len && i < isoDate.size(); ++i)
            n = n * 10 + (isDigit(isoDate[i]) ? isoDate[i] - '0' : 0);
        return n;
    };
    return year_month_day{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))},
                          day{static_cast<unsigned>(num(8, 2))}};
}

// The procedure's form rules: the kiosk's validateSubmission with the stored schema, so a
// value the kiosk would refuse is refused here too (and the other way round). A field the
// shape check already refused (too long, not text) is not reported twice.
void validateFormValues(const json& form, const std::string& today, const FormRules& rules,
                        std::vector<FieldError>& errors) {
    static const Translations kNoTexts;
    const Translations& texts = rules.translations ? *rules.translations : kNoTexts;
    if (!rules.schema) {
        // No e-form: nothing to judge the values by, and the gateway stores only what a form
        // asks for. The applicant block and the attachments carry such a dossier.
        for (const auto& [key, value] : form.items()) {
            forms::FieldProblem p{key, "not_allowed", "form.error.no_form", {}, {}};
            errors.push_back({"form." + key, p.code, forms::explain(p, texts)});
        }
        return;
    }
    std::set<std::string> reported;
    for (const auto& e : errors) reported.insert(e.field);
    forms::ValidationContext context{parseDay(today), rules.adminUnits};
    for (const auto& p : forms::validateSubmission(*rules.schema, form, context)) {
        std::string field = p.field.empty() ? "form" : "form." + p.field;
        if (reported.count(field)) continue;
        errors.push_back({std::move(field), p.code, forms::explain(p, texts)});
    }
}

}  // namespace

DossierRequestCheck validateDossierRequest(const json& body, const ProcedureRecord* procedure,
                                           const std::string& today, const FormRules& rules) {
    DossierRequestCheck out;
    Checker c(out);
    if (!body.is_object()) {
        out.malformed = problems::invalidJson("expected a JSON object");
        return out;
    }
    const json* code = c.member(body, "", "procedure_code", json::value_t::string, "a string");
    const json* kiosk = c.member(body, "", "kiosk_id", json::value_t::string, "a string");
    const json* applicant = c.member(body, "", "applicant", json::value_t::object, "an object");
    const json* form = c.member(body, "", "form", json::value_t::object, "an object");
    const json* attachments = c.member(body, "", "attachments", json::value_t::array, "an array");
    const json* submitted = c.member(body, "", "submitted_at", json::value_t::string, "a string");
    if (out.malformed) return out;

    if (!isProcedureCode(code->get_ref<const std::string&>()))
        c.invalid("procedure_code", "procedure_code does not match the catalogue's pattern");
    if (!isKioskId(kiosk->get_ref<const std::string&>()))
        c.invalid("kiosk_id", "kiosk_id must match [A-Za-z0-9._-]{1,64}");
    if (!parseIsoDateTime(submitted->get_ref<const std::string&>()))
        c.invalid("submitted_at", "submitted_at must be an ISO 8601 date-time with offset");
    if (attachments->size() > kMaxAttachments) c.invalid("attachments", "too many attachments");
    for (const auto& a : *attachments)
        if (!a.is_string() || a.get_ref<const std::string&>().empty() ||
            a.get_ref<const std::string&>().size() > 64) {
            c.invalid("attachments", "attachments must be attachment ids (strings)");
            break;
        }
    if (out.malformed) return out;

    checkApplicant(c, *applicant, today);
    checkFormShape(c, *form, "form", 0);
    if (out.malformed) return out;

    if (!procedure) {
        c.error(fieldError("procedure_code", "not_found",
                           "Không tìm thấy thủ tục hành chính với mã này.",
                           "No administrative procedure with this code."));
    } else if (procedure->summary.online == OnlineScope::None) {
        c.error(
            fieldError("procedure_code", "not_allowed",
                       "Thủ tục này không tiếp nhận hồ sơ trực tuyến, vui lòng nộp tại quầy.",
                       "This procedure cannot be submitted online; please apply at the counter."));
    } else {
        validateFormValues(*form, today, rules, out.errors);
    }
    return out;
}

}  // namespace dvc::gateway
