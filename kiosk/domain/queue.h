#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bilingual.h"

namespace dvc {

// Priority groups served first (Law on the Elderly 2009: 60 and over; Law on Persons with
// Disabilities 2010; pregnant women; people with a child under 6).
enum class PriorityCategory { None, Elderly, Disabled, Pregnant, ChildUnder6 };

const char* priorityApiName(PriorityCategory p);
std::optional<PriorityCategory> priorityFromApi(std::string_view name);
// Elderly when the person is 60 or older on `today`; dates "YYYY-MM-DD". None otherwise or
// when a date is malformed.
PriorityCategory priorityForAge(std::string_view dateOfBirth, std::string_view today);

struct QueueService {
    std::string id;
    BilingualText name;
    std::vector<std::string> counters;
    bool priorityAllowed = false;
    int waiting = 0;
};

struct TicketRequest {
    std::string serviceId;
    PriorityCategory priority = PriorityCategory::None;
    std::optional<std::string> procedureCode;
};

struct QueueTicket {
    std::string ticketId;
    std::string number;  // "A015"
    std::string serviceId;
    std::string counter;
    std::string issuedAt;  // ISO 8601 with +07:00
    int peopleAhead = 0;
    int estimatedWaitMinutes = 0;
    std::string followUrl;
    std::string state;  // waiting, called, served, skipped (empty when not given)
};

}  // namespace dvc
