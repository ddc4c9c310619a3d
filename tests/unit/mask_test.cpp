#include <catch2/catch.hpp>

#include "privacy/mask.h"
#include "privacy/wipe.h"

using namespace dvc;

TEST_CASE("names are masked without revealing their length") {
    CHECK(maskPersonName("Nguyễn Văn An") == "Nguyễn V*** A**");
    CHECK(maskPersonName("Nguyễn Văn Anh") == "Nguyễn V*** A**");
    CHECK(maskPersonName("Đặng Thị Ánh Tuyết") == "Đặng T*** Á*** T**");
    CHECK(maskPersonName("  Lê   Ơn ") == "Lê Ơ**");
    CHECK(maskPersonName("Hùng") == "Hùng");
    CHECK(maskPersonName("") == "");
}

TEST_CASE("masking is idempotent") {
    auto once = maskPersonName("Trần Thị Thu Hương");
    CHECK(maskPersonName(once) == once);
}

TEST_CASE("ID numbers keep only their last four digits") {
    CHECK(maskIdNumber("042090001234") == "********1234");
    CHECK(maskIdNumber("123") == "***");
}

TEST_CASE("wipe zeroes and empties a string") {
    std::string s = "042090001234 Nguyễn Văn An, a long string beyond small-buffer size";
    const char* data = s.data();
    auto cap = s.capacity();
    wipeString(s);
    CHECK(s.empty());
    for (std::size_t i = 0; i < cap; ++i) CHECK(data[i] == 0);
}
