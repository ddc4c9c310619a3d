#include "privacy/wipe.h"

namespace dvc {

void wipeString(std::string& s) {
    // volatile stores survive dead-store elimination.
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.capacity(); ++i) p[i] = 0;
    s.clear();
}

}  // namespace dvc
