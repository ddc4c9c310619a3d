#include "identity/card_expiry.h"

#include <array>
#include <cstdio>
#include <span>

namespace dvc {

namespace {

using namespace std::chrono;

constexpr year_month_day kLaw2023InForce{year{2024}, July, day{1}};
constexpr std::array kAgesLaw2014{25, 40, 60};
constexpr std::array kAgesLaw2023{14, 25, 40, 60};

// The birthday at `age`; for 29/02 in a non-leap year, 28/02 first and then 01/03.
std::vector<year_month_day> birthdaysAt(year_month_day dob, int age) {
    const year y = dob.year() + years{age};
    year_month_day birthday{y, dob.month(), dob.day()};
    if (birthday.ok()) return {birthday};
    return {year_month_day{y, February, day{28}}, year_month_day{y, March, day{1}}};
}

}  // namespace

CardExpiry deriveCardExpiry(year_month_day dateOfBirth, year_month_day issueDate) {
    std::span<const int> ages = issueDate >= kLaw2023InForce ? std::span<const int>(kAgesLaw2023)
                                                             : std::span<const int>(kAgesLaw2014);
    for (int age : ages) {
        auto birthdays = birthdaysAt(dateOfBirth, age);
        const year_month_day first = birthdays.front();
        if (sys_days(first) <= sys_days(issueDate)) continue;  // already past this age
        // Issued less than 2 years before this age: that renewal is skipped.
        const year_month_day twoYearsBefore{
            first.year() - years{2}, first.month(),
            first.day() == day{29} && first.month() == February ? day{28} : first.day()};
        if (sys_days(issueDate) > sys_days(twoYearsBefore)) continue;
        return CardExpiry{false, birthdays};
    }
    return CardExpiry{true, {}};
}

std::string mrzDate(year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d%02u%02u", static_cast<int>(date.year()) % 100,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace dvc
