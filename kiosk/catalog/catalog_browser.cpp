#include "catalog/catalog_browser.h"

#include <algorithm>
#include <deque>
#include <map>

#include "catalog/vietnamese_fold.h"

namespace dvc::catalog {

namespace {

// Groups procedures by a label, ordered by the label's folded form (then the label itself).
template <class Key>
std::vector<std::pair<std::string, std::vector<const ProcedureSummary*>>> groupBy(
    const std::vector<const ProcedureSummary*>& items, Key key) {
    std::map<std::pair<std::string, std::string>, std::vector<const ProcedureSummary*>> groups;
    for (const auto* p : items) {
        const std::string& label = key(*p);
        groups[{foldForSearch(label), label}].push_back(p);
    }
    std::vector<std::pair<std::string, std::vector<const ProcedureSummary*>>> out;
    for (auto& [k, v] : groups) out.emplace_back(k.second, std::move(v));
    return out;
}

}  // namespace

CatalogBrowser::CatalogBrowser(std::vector<ProcedureSummary> procedures)
    : procedures_(std::move(procedures)) {}

std::vector<const ProcedureSummary*> CatalogBrowser::inPlace(const BrowsePlace& place) const {
    std::vector<const ProcedureSummary*> out;
    for (const auto& p : procedures_) {
        if (place.level == BrowseLevel::Home)
            out.push_back(&p);
        else if (p.tier == place.tier &&
                 (place.level == BrowseLevel::Tier || p.field == place.field) &&
                 (place.level != BrowseLevel::Agency || p.agency == place.agency))
            out.push_back(&p);
    }
    return out;
}

std::vector<BrowseChoice> CatalogBrowser::choices(const BrowsePlace& place) const {
    std::vector<BrowseChoice> out;
    auto items = inPlace(place);
    auto procedureChoices = [&](const std::vector<const ProcedureSummary*>& list) {
        for (const auto& [name, group] :
             groupBy(list, [](const auto& p) -> const std::string& { return p.name; }))
            for (const auto* p : group) {
                BrowseChoice c;
                c.kind = BrowseChoice::Kind::Procedure;
                c.label = p->name;
                c.procedureCode = p->code;
                c.count = 1;
                out.push_back(std::move(c));
            }
    };
    switch (place.level) {
        case BrowseLevel::Home:
            for (Tier tier : {Tier::Commune, Tier::District, Tier::Province}) {
                std::size_t n = std::count_if(items.begin(), items.end(),
                                              [&](const auto* p) { return p->tier == tier; });
                if (n == 0) continue;
                BrowseChoice c;
                c.place = {BrowseLevel::Tier, tier, {}, {}};
                c.count = n;
                out.push_back(std::move(c));
            }
            break;
        case BrowseLevel::Tier:
            for (const auto& [field, group] :
                 groupBy(items, [](const auto& p) -> const std::string& { return p.field; })) {
                BrowseChoice c;
                c.label = field;
                c.place = {BrowseLevel::Field, place.tier, field, {}};
                c.count = group.size();
                out.push_back(std::move(c));
            }
            break;
        case BrowseLevel::Field:
            if (items.size() <= kMaxListLength) {
                procedureChoices(items);
                break;
            }
            for (const auto& [agency, group] :
                 groupBy(items, [](const auto& p) -> const std::string& { return p.agency; })) {
                BrowseChoice c;
                c.label = agency;
                c.place = {BrowseLevel::Agency, place.tier, place.field, agency};
                c.count = group.size();
                out.push_back(std::move(c));
            }
            break;
        case BrowseLevel::Agency:
            procedureChoices(items);
            break;
    }
    return out;
}

std::optional<int> CatalogBrowser::tapsToReach(const std::string& code) const {
    std::deque<std::pair<BrowsePlace, int>> queue{{BrowsePlace{}, 0}};
    while (!queue.empty()) {
        auto [place, taps] = queue.front();
        queue.pop_front();
        for (const auto& c : choices(place)) {
            if (c.kind == BrowseChoice::Kind::Procedure) {
                if (c.procedureCode == code) return taps + 1;
            } else {
                queue.emplace_back(c.place, taps + 1);
            }
        }
    }
    return std::nullopt;
}

}  // namespace dvc::catalog
