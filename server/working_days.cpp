#include "server/working_days.h"

#include <algorithm>
#include <array>

namespace dvc::gateway {

namespace {

using namespace std::chrono;

constexpr year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{year{y}, month{m}, day{d}};
}

// Days off on weekdays for 2026–2027 (docs/outbox.md lists where each comes from). Holidays that
// fall on a weekend appear as their compensatory weekday. Years outside the table count only
// weekends and the fixed solar holidays, which is conservative for an appointment date only by
// the lunar holidays; extend the table each year from the Ministry of Home Affairs' notice.
constexpr std::array kHolidays{
    // 2026
    ymd(2026, 1, 1),  // Tết Dương lịch
    ymd(2026, 2, 16), ymd(2026, 2, 17), ymd(2026, 2, 18), ymd(2026, 2, 19),
    ymd(2026, 2, 20),  // Tết Bính Ngọ
    ymd(2026, 4, 27),  // Giỗ Tổ Hùng Vương (10/3 âm lịch = Sun 26/4), nghỉ bù
    ymd(2026, 4, 30), ymd(2026, 5, 1),  // Giải phóng miền Nam, Quốc tế Lao động
    ymd(2026, 9, 1), ymd(2026, 9, 2),   // Quốc khánh
    // 2027
    ymd(2027, 1, 1),  // Tết Dương lịch
    ymd(2027, 2, 4), ymd(2027, 2, 5), ymd(2027, 2, 8), ymd(2027, 2, 9),
    ymd(2027, 2, 10),                   // Tết Đinh Mùi
    ymd(2027, 4, 16),                   // Giỗ Tổ Hùng Vương (10/3 âm lịch)
    ymd(2027, 4, 30), ymd(2027, 5, 3),  // 30/4; 1/5 is a Saturday, nghỉ bù Monday
    ymd(2027, 9, 2), ymd(2027, 9, 3),   // Quốc khánh
};

// Fixed solar holidays, for years the table does not cover.
bool isFixedSolarHoliday(year_month_day d) {
    auto m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    return (m == 1 && dd == 1) || (m == 4 && dd == 30) || (m == 5 && dd == 1) ||
           (m == 9 && dd == 2);
}

}  // namespace

bool isPublicHoliday(year_month_day day) {
    int y = static_cast<int>(day.year());
    if (y == 2026 || y == 2027)
        return std::find(kHolidays.begin(), kHolidays.end(), day) != kHolidays.end();
    return isFixedSolarHoliday(day);
}

bool isWorkingDay(year_month_day day) {
    weekday wd{sys_days{day}};
    return wd != Saturday && wd != Sunday && !isPublicHoliday(day);
}

year_month_day dueDate(year_month_day received, int workingDays) {
    sys_days d{received};
    while (!isWorkingDay(year_month_day{d})) d += days{1};
    for (int left = std::max(workingDays, 0); left > 0;) {
        d += days{1};
        if (isWorkingDay(year_month_day{d})) --left;
    }
    return year_month_day{d};
}

}  // namespace dvc::gateway
