#include <catch2/catch.hpp>

#include "catalog/catalog_search.h"
#include "catalog/vietnamese_fold.h"

using dvc::catalog::editDistance;
using dvc::catalog::foldedWords;
using dvc::catalog::foldForSearch;

TEST_CASE("folding removes tones and marks, folds đ and case") {
    CHECK(foldForSearch("Đăng ký khai sinh") == "dang ky khai sinh");
    CHECK(foldForSearch("ĐĂNG KÝ KẾT HÔN") == "dang ky ket hon");
    CHECK(foldForSearch("Giấy phép xây dựng") == "giay phep xay dung");
    CHECK(foldForSearch("ắằẳẵặấầẩẫậ") == "aaaaaaaaaa");
    CHECK(foldForSearch("Ưu tiên người ở xa; ỷ lại? Ỹ") == "uu tien nguoi o xa y lai y");
    CHECK(foldForSearch("đường Đồng Khởi") == "duong dong khoi");
}

TEST_CASE("folding treats punctuation as word breaks and collapses spaces") {
    CHECK(foldForSearch("  khai-sinh,   kết hôn!  ") == "khai sinh ket hon");
    CHECK(foldForSearch("Sở Lao động – Thương binh") == "so lao dong thuong binh");
    CHECK(foldForSearch("") == "");
    CHECK(foldForSearch("!!!") == "");
    CHECK(foldedWords("Thủ tục 1.001193") == std::vector<std::string>{"thu", "tuc", "1", "001193"});
}

TEST_CASE("folding accepts decomposed (NFD) text and invalid bytes") {
    // "kết hôn" with the tones as combining marks: e + U+0302 + U+0301, o + U+0302.
    CHECK(foldForSearch("ke\xCC\x82\xCC\x81t ho\xCC\x82n") == "ket hon");
    CHECK(foldForSearch("khai\xFF\xFEsinh") == "khai sinh");
    CHECK(foldForSearch("sinh\xE1\xBB") == "sinh");  // truncated multi-byte sequence
}

TEST_CASE("edit distance counts typos, swaps included, and stops at the limit") {
    CHECK(editDistance("ky", "ki", 2) == 1);
    CHECK(editDistance("khai", "khia", 2) == 1);  // swapped neighbours
    CHECK(editDistance("sinh", "sinh", 2) == 0);
    CHECK(editDistance("dang", "dung", 2) == 1);
    CHECK(editDistance("xay", "dung", 1) == 2);  // over the limit: limit + 1
    CHECK(editDistance("", "abc", 5) == 3);
}
