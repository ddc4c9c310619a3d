#pragma once
#include <string>

#include "common/bilingual.h"

namespace dvc {

// RFC 7807 problem object of the Kiosk API, with a stable code and a bilingual message.
struct Problem {
    int status = 500;
    std::string code;
    BilingualText message;
    std::string detail;
    std::string field;
};

}  // namespace dvc
