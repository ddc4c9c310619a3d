#pragma once
// The browse model behind the catalogue screens (docs/catalog.md, "Tap model"): home shows
// the three tiers; a tier lists its fields (lĩnh vực); a field lists its procedures, or, when
// more than kMaxListLength, the agencies that handle them, each listing its procedures.
// Circular 32 asks that any procedure be reachable in at most three taps from home.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/procedure.h"

namespace dvc::catalog {

enum class BrowseLevel { Home, Tier, Field, Agency };

struct BrowsePlace {
    BrowseLevel level = BrowseLevel::Home;
    Tier tier = Tier::Commune;
    std::string field;
    std::string agency;
    bool operator==(const BrowsePlace&) const = default;
};

struct BrowseChoice {
    enum class Kind { Place, Procedure };
    Kind kind = Kind::Place;
    std::string label;  // field, agency or procedure name; empty for a tier (the UI names it)
    BrowsePlace place;  // where a Place choice leads
    std::string procedureCode;
    std::size_t count = 0;  // procedures reachable through the choice
};

class CatalogBrowser {
  public:
    // Longest list of procedures one screen shows before it is split by agency: a portrait
    // screen holds about this many 96-px rows without scrolling far.
    static constexpr std::size_t kMaxListLength = 12;

    explicit CatalogBrowser(std::vector<ProcedureSummary> procedures);

    // What the screen at `place` offers, in display order (tiers xã → tỉnh, names A → Z in
    // Vietnamese alphabetical order of their folded form).
    std::vector<BrowseChoice> choices(const BrowsePlace& place) const;

    // Taps from home until the procedure's detail opens, following choices(); nullopt if no
    // path reaches it.
    std::optional<int> tapsToReach(const std::string& code) const;

    const std::vector<ProcedureSummary>& procedures() const { return procedures_; }

  private:
    std::vector<const ProcedureSummary*> inPlace(const BrowsePlace& place) const;
    std::vector<ProcedureSummary> procedures_;
};

}  // namespace dvc::catalog
