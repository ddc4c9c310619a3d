#pragma once
#include <string>
#include <vector>

#include "common/bilingual.h"

namespace dvc {

// One entry of a 422 validation_failed problem's `errors` (FieldError in the API).
struct FieldError {
    std::string field;  // path: "applicant.phone", "form.noi_sinh", "form.tre[0].ho_ten"
    std::string code;   // stable snake_case reason: required, invalid_format, not_allowed, …
    BilingualText message;
};

// RFC 7807 problem object of the Kiosk API, with a stable code and a bilingual message.
struct Problem {
    int status = 500;
    std::string code;
    BilingualText message;
    std::string detail;
    std::string field;
    std::vector<FieldError> errors = {};  // validation_failed only
};

}  // namespace dvc
