#include "server/queue_seed.h"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

namespace dvc::gateway {

Result<QueueSeed, std::string> loadQueueSeed(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return fail("cannot read " + file.string());
    QueueSeed seed;
    std::string where = file.filename().string();
    try {
        auto j = nlohmann::json::parse(in);
        std::set<std::string> names, letters;
        for (const auto& c : j.at("counters")) {
            QueueCounterSeed counter{c.at("name").get<std::string>(),
                                     c.at("letter").get<std::string>()};
            if (counter.letter.size() != 1 || counter.letter[0] < 'A' || counter.letter[0] > 'Z')
                return fail(where + ": counter '" + counter.name + "': letter must be one of A-Z");
            if (!names.insert(counter.name).second || !letters.insert(counter.letter).second)
                return fail(where + ": counter '" + counter.name + "' or its letter is repeated");
            seed.counters.push_back(counter);
        }
        for (const auto& s : j.at("services")) {
            QueueServiceSeed service;
            service.id = s.at("id").get<std::string>();
            service.name = {s.at("name").at("vi").get<std::string>(),
                            s.at("name").at("en").get<std::string>()};
            service.counters = s.at("counters").get<std::vector<std::string>>();
            service.priorityAllowed = s.value("priority_allowed", false);
            service.minutesPerTicket = s.value("minutes_per_ticket", 5);
            if (service.counters.empty())
                return fail(where + ": service '" + service.id + "' has no counter");
            for (const auto& c : service.counters)
                if (!names.count(c))
                    return fail(where + ": service '" + service.id + "' names unknown counter '" +
                                c + "'");
            seed.services.push_back(std::move(service));
        }
    } catch (const nlohmann::json::exception& e) {
        return fail(where + ": " + e.what());
    }
    return seed;
}

Result<std::size_t, std::string> seedQueueOnce(GatewayStore& store,
                                               const std::filesystem::path& dir) {
    auto file = dir / "queue_services.json";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::size_t{0};
    auto seed = loadQueueSeed(file);
    if (!seed) return fail(seed.error());
    if (!store.seedQueue(seed->counters, seed->services)) return std::size_t{0};
    return seed->services.size();
}

}  // namespace dvc::gateway
