#include "forms/admin_units.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "input/vietnamese_letters.h"

namespace dvc::forms {

namespace {

using json = nlohmann::json;

bool isDigits(const std::string& s, std::size_t n) {
    if (s.size() != n) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string str(const json& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty())
        throw std::runtime_error(where + ": '" + key + "' must be a non-empty string");
    return it->get<std::string>();
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace

Result<AdminUnits, std::string> AdminUnits::parse(const json& doc) {
    try {
        if (!doc.is_object() || !doc.contains("provinces") || !doc["provinces"].is_array())
            return fail(std::string("admin units: expected an object with a 'provinces' array"));
        AdminUnits units;
        units.version_ = doc.value("version", "");
        std::set<std::string> provinceCodes;
        for (const auto& pj : doc["provinces"]) {
            Province p{str(pj, "code", "province"),
                       str(pj, "name", "province"),
                       pj.value("kind", "Tỉnh"),
                       {}};
            std::string where = "province " + p.code;
            if (!isDigits(p.code, 3)) throw std::runtime_error(where + ": code must be 3 digits");
            if (!provinceCodes.insert(p.code).second)
                throw std::runtime_error(where + ": duplicate code");
            std::set<std::string> districtCodes;
            for (const auto& dj : pj.value("districts", json::array())) {
                District d{str(dj, "code", where), str(dj, "name", where), {}};
                std::string dwhere = where + " district " + d.code;
                if (!isDigits(d.code, 3))
                    throw std::runtime_error(dwhere + ": code must be 3 digits");
                if (!districtCodes.insert(d.code).second)
                    throw std::runtime_error(dwhere + ": duplicate code");
                std::set<std::string> communeCodes;
                for (const auto& cj : dj.value("communes", json::array())) {
                    Commune c{str(cj, "code", dwhere), str(cj, "name", dwhere)};
                    if (!isDigits(c.code, 5) || !communeCodes.insert(c.code).second)
                        throw std::runtime_error(dwhere + ": commune code " + c.code +
                                                 " must be 5 digits and unique");
                    d.communes.push_back(std::move(c));
                }
                p.districts.push_back(std::move(d));
            }
            units.provinces_.push_back(std::move(p));
        }
        return units;
    } catch (const std::exception& e) {
        return fail(std::string("admin units: ") + e.what());
    }
}

Result<AdminUnits, std::string> AdminUnits::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail("cannot read " + file.string());
    std::stringstream buf;
    buf << in.rdbuf();
    json doc = json::parse(buf.str(), nullptr, false);
    if (doc.is_discarded()) return fail(file.string() + ": not valid JSON");
    return parse(doc);
}

const Province* AdminUnits::province(std::string_view code) const {
    for (const auto& p : provinces_)
        if (p.code == code) return &p;
    return nullptr;
}

const District* AdminUnits::district(std::string_view provinceCode,
                                     std::string_view districtCode) const {
    const Province* p = province(provinceCode);
    if (!p) return nullptr;
    for (const auto& d : p->districts)
        if (d.code == districtCode) return &d;
    return nullptr;
}

const Commune* AdminUnits::commune(std::string_view provinceCode, std::string_view districtCode,
                                   std::string_view communeCode) const {
    const District* d = district(provinceCode, districtCode);
    if (!d) return nullptr;
    for (const auto& c : d->communes)
        if (c.code == communeCode) return &c;
    return nullptr;
}

std::string foldPlaceName(std::string_view name) {
    std::string folded;
    for (char32_t cp : vn::decodeUtf8(name)) {
        if (auto l = vn::decompose(cp))
            folded += static_cast<char>(l->base);
        else if (cp >= U'0' && cp <= U'9')
            folded += static_cast<char>(cp);
        else if (!folded.empty() && folded.back() != ' ')
            folded += ' ';  // spaces, dots, dashes: one separator
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    // Longest prefixes first: "thi xa" before "xa", "thanh pho" before "tp".
    static const char* const kPrefixes[] = {
        "thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "quan ", "tinh ",
        "tp ",        "tx ",       "tt ",     "xa ",     "q ",     "p "};
    for (const char* prefix : kPrefixes) {
        std::string_view p(prefix);
        if (folded.size() > p.size() && folded.compare(0, p.size(), p) == 0) {
            folded.erase(0, p.size());
            break;
        }
    }
    return folded;
}

json splitAddress(std::string_view text, const AdminUnits* units) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
        if (c == ',') {
            parts.push_back(trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(trim(current));
    std::erase_if(parts, [](const std::string& p) { return p.empty(); });

    json out = {{"province", ""}, {"district", ""}, {"commune", ""}, {"detail", ""}};
    std::size_t used = 0;  // parts consumed from the end
    if (units && !parts.empty()) {
        const Province* province = nullptr;
        for (const auto& p : units->provinces())
            if (foldPlaceName(p.name) == foldPlaceName(parts.back())) province = &p;
        if (province) {
            out["province"] = province->code;
            used = 1;
            if (parts.size() > used) {
                const std::string& part = parts[parts.size() - 1 - used];
                const District* district = nullptr;
                for (const auto& d : province->districts)
                    if (foldPlaceName(d.name) == foldPlaceName(part)) district = &d;
                if (district) {
                    out["district"] = district->code;
                    ++used;
                } else if (province->districts.empty()) {
                    out["district"] = part;  // not listed: the typed name stands
                    ++used;
                }
                if (used == 2 && parts.size() > used) {
                    const std::string& cpart = parts[parts.size() - 1 - used];
                    const Commune* commune = nullptr;
                    if (district)
                        for (const auto& c : district->communes)
                            if (foldPlaceName(c.name) == foldPlaceName(cpart)) commune = &c;
                    if (commune) {
                        out["commune"] = commune->code;
                        ++used;
                    } else if (!district || district->communes.empty()) {
                        out["commune"] = cpart;
                        ++used;
                    }
                }
            }
        }
    }
    std::string detail;
    for (std::size_t i = 0; i + used < parts.size(); ++i) {
        if (!detail.empty()) detail += ", ";
        detail += parts[i];
    }
    out["detail"] = detail;
    return out;
}

}  // namespace dvc::forms
