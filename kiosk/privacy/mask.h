#pragma once
#include <string>
#include <string_view>

namespace dvc {

// "Nguyễn Văn An" → "Nguyễn V*** A**": the family name stays, every other word keeps its
// initial followed by a fixed number of stars (middle names 3, given name 2), so the mask
// never tells a passer-by how long a name is. Idempotent: masking a masked name changes nothing.
std::string maskPersonName(std::string_view fullName);

// "042090001234" → "********1234": only the last four digits stay readable.
std::string maskIdNumber(std::string_view idNumber);

}  // namespace dvc
