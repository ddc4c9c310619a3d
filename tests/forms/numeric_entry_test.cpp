// The numeric pad's model: digits, dates typed dd mm yyyy, money grouped by dots.
#include <catch2/catch.hpp>

#include "input/numeric_entry.h"

using namespace dvc;

namespace {
void press(NumericEntry& e, const std::string& keys) {
    for (char k : keys) e.press(k);
}
}  // namespace

TEST_CASE("digits stop at the field's length and refuse anything else") {
    NumericEntry cccd(NumericMode::Digits, 12);
    press(cccd, "0010900123456789");
    CHECK(cccd.value() == "001090012345");
    CHECK(cccd.complete());
    CHECK_FALSE(cccd.press('7'));
    cccd.backspace();
    CHECK_FALSE(cccd.complete());
    CHECK_FALSE(cccd.press('a'));
    CHECK(cccd.press('9'));
    CHECK(cccd.value() == "001090012349");
}

TEST_CASE("a date is typed as day, month, year and stored as ISO") {
    NumericEntry d(NumericMode::Date);
    press(d, "1405");
    CHECK(d.display() == "14/05");
    CHECK(d.value().empty());
    press(d, "1990");
    CHECK(d.display() == "14/05/1990");
    CHECK(d.value() == "1990-05-14");
    CHECK_FALSE(d.press('1'));
    d.backspace();
    CHECK(d.display() == "14/05/199");
    CHECK(d.value().empty());
    d.setValue("2026-11-20");
    CHECK(d.display() == "20/11/2026");
    CHECK(d.value() == "2026-11-20");
}

TEST_CASE("money shows dots between thousands and stores the digits") {
    NumericEntry m(NumericMode::Money);
    press(m, "1500000");
    CHECK(m.display() == "1.500.000");
    CHECK(m.value() == "1500000");
    m.clear();
    press(m, "05");
    CHECK(m.display() == "5");  // no leading zero
    m.setValue("0012000");
    CHECK(m.display() == "12.000");
    CHECK(groupThousands(-1234567) == "-1.234.567");
    CHECK(groupThousands(999) == "999");
    CHECK(groupThousands(1000) == "1.000");
}
