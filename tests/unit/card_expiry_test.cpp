#include <catch2/catch.hpp>

#include "identity/card_expiry.h"

using namespace dvc;
using namespace std::chrono;

namespace {
year_month_day ymd(int y, unsigned m, unsigned d) {
    return {year{y}, month{m}, day{d}};
}
}  // namespace

TEST_CASE("Card expiry: the next renewal age's birthday, per the law in force at issue") {
    struct Case {
        year_month_day dob, issued;
        const char* expiry;  // YYMMDD, or "" for never
    };
    const Case cases[] = {
        // CCCD (Law 2014): 25, 40, 60.
        {ymd(1990, 5, 12), ymd(2021, 1, 1), "300512"},  // 30 at issue → expires at 40
        {ymd(2000, 8, 3), ymd(2021, 6, 1), "250803"},   // 20 → 25
        {ymd(1998, 3, 10), ymd(2021, 6, 1), "380310"},  // 23y3m: 25 is < 2 years away → 40
        {ymd(1962, 1, 1), ymd(2021, 6, 1), ""},         // 59 → never expires
        {ymd(1963, 7, 1), ymd(2021, 6, 30), "230701"},  // 57y11m: 60 is just over 2 years away
        {ymd(1963, 5, 1), ymd(2021, 6, 30), ""},        // 58y1m: 60 is < 2 years away → never
        {ymd(1970, 1, 2), ymd(2021, 6, 1), "300102"},   // 51 → 60
        // Thẻ căn cước (Law 2023, from 1 Jul 2024): 14, 25, 40, 60.
        {ymd(2015, 9, 9), ymd(2024, 7, 1), "290909"},    // 8 → 14
        {ymd(2011, 9, 9), ymd(2024, 8, 1), "360909"},    // 12y11m: 14 too close → 25
        {ymd(1990, 5, 12), ymd(2024, 6, 30), "300512"},  // the day before the new law: old ages
        {ymd(1966, 11, 30), ymd(2024, 12, 30), ""},      // 58y1m → never
    };
    for (const auto& c : cases) {
        INFO(mrzDate(c.dob) << " issued " << mrzDate(c.issued));
        auto expiry = deriveCardExpiry(c.dob, c.issued);
        if (std::string(c.expiry).empty()) {
            CHECK(expiry.neverExpires);
            CHECK(expiry.candidates.empty());
        } else {
            REQUIRE_FALSE(expiry.neverExpires);
            REQUIRE(expiry.candidates.size() == 1);
            CHECK(mrzDate(expiry.candidates[0]) == c.expiry);
        }
    }
}

TEST_CASE("Card expiry: a 29 February birthday in a non-leap year gives 28/02 then 01/03") {
    auto expiry = deriveCardExpiry(ymd(2004, 2, 29), ymd(2024, 8, 15));  // 20 → 25 in 2029
    REQUIRE(expiry.candidates.size() == 2);
    CHECK(mrzDate(expiry.candidates[0]) == "290228");
    CHECK(mrzDate(expiry.candidates[1]) == "290301");
    auto leap =
        deriveCardExpiry(ymd(1992, 2, 29), ymd(2021, 3, 1));  // 29 → 40 in 2032, a leap year
    REQUIRE(leap.candidates.size() == 1);
    CHECK(mrzDate(leap.candidates[0]) == "320229");
}

TEST_CASE("Card expiry: exactly two years before a renewal age still expires at that age") {
    auto expiry = deriveCardExpiry(ymd(1998, 4, 20), ymd(2021, 4, 20));  // 23 exactly → 25
    REQUIRE(expiry.candidates.size() == 1);
    CHECK(mrzDate(expiry.candidates[0]) == "230420");
    auto dayLater = deriveCardExpiry(ymd(1998, 4, 20), ymd(2021, 4, 21));  // → 40
    CHECK(mrzDate(dayLater.candidates.at(0)) == "380420");
}
