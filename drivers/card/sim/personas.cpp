#include "card/sim/personas.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace dvc::card::sim {
namespace {

std::optional<CccdDate> isoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    CccdDate d;
    d.y = std::stoi(s.substr(0, 4));
    d.m = std::stoi(s.substr(5, 2));
    d.d = std::stoi(s.substr(8, 2));
    d.iso = s;
    if (!d.ymd().ok()) return std::nullopt;
    return d;
}

std::string two(int v) {
    return std::string(1, static_cast<char>('0' + v / 10 % 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace

std::string Persona::can() const {
    return personalNumber.size() >= 6 ? personalNumber.substr(personalNumber.size() - 6) : "";
}

std::string Persona::documentNumber() const {
    return personalNumber.size() == 12 ? personalNumber.substr(3) : personalNumber;
}

std::string Persona::yymmdd(const CccdDate& d) {
    return two(d.y % 100) + two(d.m) + two(d.d);
}

std::string Persona::ddmmyyyy(const CccdDate& d) {
    return two(d.d) + "/" + two(d.m) + "/" + std::to_string(d.y);
}

Result<Persona, std::string> loadPersona(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return fail("cannot read " + file.string());
    auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(file.filename().string() + ": not a JSON object");
    const std::string name = file.filename().string();

    auto text = [&](const char* key) -> std::optional<std::string> {
        auto it = json.find(key);
        if (it == json.end() || !it->is_string() || it->get<std::string>().empty())
            return std::nullopt;
        return it->get<std::string>();
    };
    Persona p;
    p.id = file.stem().string();
    std::string missing;
    auto required = [&](const char* key, std::string& out) {
        if (auto v = text(key))
            out = *v;
        else if (missing.empty())
            missing = key;
    };
    std::string dob, issue, gender;
    required("personalNumber", p.personalNumber);
    required("fullName", p.fullName);
    required("dateOfBirth", dob);
    required("gender", gender);
    required("nationality", p.nationality);
    required("ethnicity", p.ethnicity);
    required("religion", p.religion);
    required("placeOfOrigin", p.placeOfOrigin);
    required("placeOfResidence", p.placeOfResidence);
    required("identifyingMarks", p.identifyingMarks);
    required("issueDate", issue);
    required("fatherName", p.fatherName);
    required("motherName", p.motherName);
    if (!missing.empty()) return fail(name + ": missing " + missing);

    auto birth = isoDate(dob);
    auto issued = isoDate(issue);
    if (!birth || !issued) return fail(name + ": dates must be real yyyy-mm-dd dates");
    p.dateOfBirth = *birth;
    p.issueDate = *issued;
    if (auto expiry = text("expiryDate")) {
        auto parsed = isoDate(*expiry);
        if (!parsed) return fail(name + ": bad expiryDate");
        p.expiryDate = *parsed;
    }
    if (gender == "Nam")
        p.gender = Gender::Male;
    else if (gender == "Nữ")
        p.gender = Gender::Female;
    else
        return fail(name + ": gender must be Nam or Nữ");
    p.spouseName = text("spouseName");
    p.oldIdNumber = text("oldIdNumber");
    if (p.oldIdNumber && !isAsciiDigits(*p.oldIdNumber, 9) && !isAsciiDigits(*p.oldIdNumber, 12))
        return fail(name + ": oldIdNumber must be 9 or 12 digits");
    if (auto problem = checkPersonalNumber(p.personalNumber, p.dateOfBirth.y, p.gender))
        return fail(name + ": personalNumber " + errorName(*problem));
    return p;
}

Result<std::vector<Persona>, std::string> loadPersonas(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) return fail("cannot list " + dir.string());
    std::sort(files.begin(), files.end());
    std::vector<Persona> out;
    for (const auto& file : files) {
        auto persona = loadPersona(file);
        if (!persona) return fail(persona.error());
        out.push_back(*persona);
    }
    if (out.empty()) return fail("no personas in " + dir.string());
    return out;
}

}  // namespace dvc::card::sim
