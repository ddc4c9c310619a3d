#pragma once
// Working days of Vietnamese public offices: Monday to Friday except public holidays (Labour
// Code 2019, art. 112, with the days off the Government announces each year). The appointment
// for a result (ngày hẹn trả) counts the procedure's time limit in these days.
#include <chrono>

namespace dvc::gateway {

bool isPublicHoliday(std::chrono::year_month_day day);
bool isWorkingDay(std::chrono::year_month_day day);

// The day the result is due for a dossier received on `received` with a limit of `workingDays`
// (0 = the same day). Counting starts the working day after reception; a dossier received on a
// day off is treated as received on the next working day.
std::chrono::year_month_day dueDate(std::chrono::year_month_day received, int workingDays);

}  // namespace dvc::gateway
