#pragma once
// Administrative units for the address pickers: provinces, their districts and communes
// (assets/data/admin_units.json; docs/forms.md says what it covers). Provinces use the
// three-digit codes of Circular 07/2016 (the CCCD's), districts and communes the GSO codes.
// A province or district whose children are not listed takes a typed name instead.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace dvc::forms {

struct Commune {
    std::string code;
    std::string name;  // "Phường Hàng Bạc"
};

struct District {
    std::string code;
    std::string name;               // "Quận Hoàn Kiếm"
    std::vector<Commune> communes;  // empty: not listed
};

struct Province {
    std::string code;                 // "001"
    std::string name;                 // "Hà Nội"
    std::string kind;                 // "Thành phố" / "Tỉnh"
    std::vector<District> districts;  // empty: not listed
};

class AdminUnits {
  public:
    static Result<AdminUnits, std::string> parse(const nlohmann::json& doc);
    static Result<AdminUnits, std::string> load(const std::filesystem::path& file);

    const std::vector<Province>& provinces() const { return provinces_; }
    const Province* province(std::string_view code) const;
    const District* district(std::string_view provinceCode, std::string_view districtCode) const;
    const Commune* commune(std::string_view provinceCode, std::string_view districtCode,
                           std::string_view communeCode) const;
    const std::string& version() const { return version_; }

  private:
    std::string version_;
    std::vector<Province> provinces_;
};

// Lowercase, tone- and mark-free, with administrative prefixes dropped, for matching typed or
// card-printed names: "Thành phố Hà Nội" → "ha noi", "Q. Hoàn Kiếm" → "hoan kiem".
std::string foldPlaceName(std::string_view name);

// Splits a free-text address (the card's "Nơi thường trú") into picker codes where the names
// match, from the end: "Số 5, Hàng Bạc, Hoàn Kiếm, Hà Nội" → {province 001, district 002,
// commune 00061}; unmatched leading parts become `detail`. Unmatched levels stay empty.
nlohmann::json splitAddress(std::string_view text, const AdminUnits* units);

}  // namespace dvc::forms
