// Queue tickets against the real gateway over TLS: several kiosks at once never share a number.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "gateway_process.h"
#include "https_portal_client.h"

using namespace dvc;

namespace {
BackendConfig backendOf(const test::GatewayProcess& gw) {
    BackendConfig b;
    b.url = gw.url();
    b.caFile = gw.caFile();
    return b;
}
}  // namespace

TEST_CASE("queue: services, issue, follow, errors") {
    test::GatewayProcess gw("queue");
    HttpsPortalClient kiosk(backendOf(gw), "KIOSK-Q1");
    auto services = kiosk.queueServices();
    REQUIRE(services.ok());
    REQUIRE(services->size() >= 2);
    CHECK(services->front().id == "ho_tich");
    CHECK(services->front().waiting == 0);

    auto first = kiosk.issueTicket({"chung_thuc", PriorityCategory::None, std::nullopt});
    REQUIRE(first.ok());
    CHECK(first->counter == "Quầy 3");
    CHECK(first->number == "C001");
    CHECK(first->peopleAhead == 0);
    CHECK(first->followUrl.find("/q/" + first->ticketId) != std::string::npos);
    auto second = kiosk.issueTicket({"chung_thuc", PriorityCategory::None, std::nullopt});
    REQUIRE(second.ok());
    CHECK(second->number == "C002");
    CHECK(second->peopleAhead == 1);
    CHECK(second->estimatedWaitMinutes == 3);
    auto elderly = kiosk.issueTicket({"chung_thuc", PriorityCategory::Elderly, std::nullopt});
    REQUIRE(elderly.ok());
    CHECK(elderly->number == "C003");
    CHECK(elderly->peopleAhead == 0);  // priority tickets are called first

    auto followed = kiosk.queueTicket(second->ticketId);
    REQUIRE(followed.ok());
    CHECK(followed->state == "waiting");
    CHECK(followed->number == "C002");
    CHECK(followed->peopleAhead == 1);
    auto list = kiosk.queueServices();
    REQUIRE(list.ok());
    for (const auto& s : *list)
        if (s.id == "chung_thuc") CHECK(s.waiting == 3);

    auto unknown = kiosk.issueTicket({"no_such_service", PriorityCategory::None, std::nullopt});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == PortalErrorKind::NotFound);
    CHECK(unknown.error().code == "queue_service_not_found");
    auto refused = kiosk.issueTicket({"tra_ket_qua", PriorityCategory::Pregnant, std::nullopt});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().httpStatus == 422);
    CHECK(refused.error().code == "validation_failed");
    auto missing = kiosk.queueTicket("tk_19990101_Z999");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "ticket_not_found");
    auto garbage =
        kiosk.request("POST", "/api/v1/queue/tickets",
                      R"({"service_id":"ho_tich","kiosk_id":"KIOSK-Q1","priority":"vip"})");
    REQUIRE(garbage.ok());
    CHECK(garbage->status == 400);
}

TEST_CASE(
    "queue: concurrent kiosks never get the same number; numbers are consecutive per counter") {
    test::GatewayProcess gw("queue-concurrent");
    constexpr int kKiosks = 6, kTicketsEach = 15;
    std::mutex mutex;
    std::vector<QueueTicket> issued;
    std::vector<std::string> failures;
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back([&, k] {
            HttpsPortalClient client(backendOf(gw), "KIOSK-C" + std::to_string(k));
            for (int i = 0; i < kTicketsEach; ++i) {
                // Two services: ho_tich spreads over two counters, chung_thuc has one.
                auto t = client.issueTicket(
                    {(i + k) % 2 ? "ho_tich" : "chung_thuc", PriorityCategory::None, std::nullopt});
                std::lock_guard lock(mutex);
                if (t)
                    issued.push_back(*t);
                else
                    failures.push_back(t.error().detail + " " + t.error().code);
            }
        });
    }
    for (auto& t : kiosks) t.join();
    CHECK(failures.empty());
    REQUIRE(issued.size() == static_cast<std::size_t>(kKiosks * kTicketsEach));

    std::set<std::string> numbers, ids;
    std::map<std::string, std::vector<int>> perCounter;
    for (const auto& t : issued) {
        CHECK(numbers.insert(t.number).second);
        CHECK(ids.insert(t.ticketId).second);
        perCounter[t.counter].push_back(std::stoi(t.number.substr(1)));
    }
    CHECK(perCounter.size() == 3);  // Quầy 1, Quầy 2, Quầy 3
    for (auto& [counter, seqs] : perCounter) {
        std::sort(seqs.begin(), seqs.end());
        for (std::size_t i = 0; i < seqs.size(); ++i) CHECK(seqs[i] == static_cast<int>(i + 1));
    }
}
