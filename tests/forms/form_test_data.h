#pragma once
// The shared form test data (tests/data/forms/, docs/forms.md "Test data"): for each seed
// form a valid value set (<code>.valid.json) and invalid variants of it (<code>.invalid.json:
// [{name, set: {path: value}, remove: [path], expect: [{field, code}]}], paths as in
// FieldProblem: "noi_sinh.district", "tre[0].ho_ten"; setting index n of an n-entry group
// appends). Used by the kiosk-side and the gateway-side tests alike.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace dvc::test {

// The eight seed forms with full test data.
extern const std::vector<std::string> kSeedFormCodes;

nlohmann::json validFormValues(const std::string& procedureCode);

using FieldCode = std::pair<std::string, std::string>;  // (path, code)

struct InvalidFormVariant {
    std::string name;
    nlohmann::json values;         // the valid set with the variant's changes
    std::set<FieldCode> expected;  // exactly these problems
};

std::vector<InvalidFormVariant> invalidFormVariants(const std::string& procedureCode);

// Applies one change at `path`; throws std::runtime_error on a path that does not fit.
void setAtPath(nlohmann::json& values, const std::string& path, nlohmann::json value);
void removeAtPath(nlohmann::json& values, const std::string& path);

}  // namespace dvc::test
