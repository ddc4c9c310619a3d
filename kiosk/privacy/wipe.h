#pragma once
#include <string>

namespace dvc {

// Zeroises the string's buffer (not optimised away) and empties it.
void wipeString(std::string& s);

}  // namespace dvc
