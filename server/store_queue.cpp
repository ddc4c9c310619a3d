// The queue part of GatewayStore: counters, services and the day's tickets.
#include <cstdio>

#include "server/clock.h"
#include "server/sqlite_db.h"
#include "server/store.h"

namespace dvc::gateway {

namespace {

constexpr std::string_view kQueueSchema = R"sql(
CREATE TABLE IF NOT EXISTS queue_counters (
  name     TEXT PRIMARY KEY,
  letter   TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_services (
  id                 TEXT PRIMARY KEY,
  name_vi            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  counters_json      TEXT NOT NULL,
  priority_allowed   INTEGER NOT NULL,
  minutes_per_ticket INTEGER NOT NULL,
  position           INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_tickets (
  ticket_id  TEXT PRIMARY KEY,
  day        TEXT NOT NULL,
  counter    TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  number     TEXT NOT NULL,
  service_id TEXT NOT NULL,
  priority   TEXT NOT NULL,
  kiosk_id   TEXT NOT NULL,
  issued_at  TEXT NOT NULL,
  state      TEXT NOT NULL DEFAULT 'waiting',
  UNIQUE (day, counter, seq),
  UNIQUE (day, number)
);
)sql";

constexpr int kMaxPerCounterPerDay = 999;  // numbers are a letter and three digits

// The calendar day in Vietnam (+07:00, no DST): the queue resets at local midnight.
std::string vietnamDay(std::time_t now) {
    return isoVietnamTime(now).substr(0, 10);
}

std::string compactDay(const std::string& day) {
    std::string out;
    for (char c : day)
        if (c != '-') out += c;
    return out;
}

std::string followUrl(std::string_view base, const std::string& ticketId) {
    return std::string(base) + "/q/" + ticketId;
}

int waitingAt(SqliteDb& db, const std::string& day, const std::string& counter, bool priorityOnly,
              std::int64_t beforeSeq) {
    auto st = db.prepare(
        "SELECT COUNT(*) FROM queue_tickets WHERE day = ? AND counter = ? AND state = 'waiting' "
        "AND seq < ? AND (? = 0 OR priority <> 'none')");
    st.bind(1, day).bind(2, counter).bind(3, beforeSeq).bind(4, priorityOnly ? 1 : 0);
    st.step();
    return static_cast<int>(st.integer(0));
}

}  // namespace

void GatewayStore::migrateQueue() {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    db_->exec(kQueueSchema);
    tx.commit();
}

bool GatewayStore::seedQueue(const std::vector<QueueCounterSeed>& counters,
                             const std::vector<QueueServiceSeed>& services) {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    {
        auto any = db_->prepare("SELECT COUNT(*) FROM queue_services");
        any.step();
        if (any.integer(0) > 0) return false;
    }
    auto c = db_->prepare("INSERT INTO queue_counters (name, letter, position) VALUES (?, ?, ?)");
    int pos = 0;
    for (const auto& counter : counters) {
        c.bind(1, counter.name).bind(2, counter.letter).bind(3, pos++);
        c.run();
    }
    auto s = db_->prepare(
        "INSERT INTO queue_services (id, name_vi, name_en, counters_json, priority_allowed, "
        "minutes_per_ticket, position) VALUES (?, ?, ?, ?, ?, ?, ?)");
    pos = 0;
    for (const auto& service : services) {
        s.bind(1, service.id)
            .bind(2, service.name.vi)
            .bind(3, service.name.en)
            .bind(4, nlohmann::json(service.counters).dump())
            .bind(5, service.priorityAllowed ? 1 : 0)
            .bind(6, service.minutesPerTicket)
            .bind(7, pos++);
        s.run();
    }
    tx.commit();
    return true;
}

std::vector<QueueService> GatewayStore::queueServices(std::time_t now) {
    std::lock_guard lock(mutex_);
    auto day = vietnamDay(now);
    std::vector<QueueService> out;
    auto st = db_->prepare(
        "SELECT s.id, s.name_vi, s.name_en, s.counters_json, s.priority_allowed, "
        "(SELECT COUNT(*) FROM queue_tickets t WHERE t.service_id = s.id AND t.day = ? AND "
        "t.state = 'waiting') FROM queue_services s ORDER BY s.position");
    st.bind(1, day);
    while (st.step()) {
        QueueService q;
        q.id = st.text(0);
        q.name = {st.text(1), st.text(2)};
        q.counters = nlohmann::json::parse(st.text(3)).get<std::vector<std::string>>();
        q.priorityAllowed = st.integer(4) != 0;
        q.waiting = static_cast<int>(st.integer(5));
        out.push_back(std::move(q));
    }
    return out;
}

Result<QueueTicket, TicketIssueError> GatewayStore::issueTicket(const TicketRequest& request,
                                                                std::string_view kioskId,
                                                                std::time_t now,
                                                                std::string_view followBaseUrl) {
    std::lock_guard lock(mutex_);
    // BEGIN IMMEDIATE takes the write lock before reading the last number: two gateways (or
    // connections) on one database cannot both read 14 and both hand out 15.
    Transaction tx(*db_);
    std::vector<std::string> counters;
    int minutesPerTicket = 5;
    bool priorityAllowed = false;
    {
        auto st = db_->prepare(
            "SELECT counters_json, minutes_per_ticket, priority_allowed FROM queue_services WHERE "
            "id = ?");
        st.bind(1, request.serviceId);
        if (!st.step()) return fail(TicketIssueError::UnknownService);
        counters = nlohmann::json::parse(st.text(0)).get<std::vector<std::string>>();
        minutesPerTicket = static_cast<int>(st.integer(1));
        priorityAllowed = st.integer(2) != 0;
    }
    if (request.priority != PriorityCategory::None && !priorityAllowed)
        return fail(TicketIssueError::PriorityNotAllowed);
    const auto day = vietnamDay(now);
    const bool priority = request.priority != PriorityCategory::None;

    // The counter with the shortest queue today; ties go to the first listed.
    std::string chosen, letter;
    std::int64_t nextSeq = 0;
    int bestWaiting = -1;
    for (const auto& counter : counters) {
        auto l = db_->prepare("SELECT letter FROM queue_counters WHERE name = ?");
        l.bind(1, counter);
        if (!l.step()) continue;
        auto seq = db_->prepare(
            "SELECT COALESCE(MAX(seq), 0) FROM queue_tickets WHERE day = ? AND counter = ?");
        seq.bind(1, day).bind(2, counter);
        seq.step();
        std::int64_t next = seq.integer(0) + 1;
        if (next > kMaxPerCounterPerDay) continue;
        int waiting = waitingAt(*db_, day, counter, false, next);
        if (bestWaiting < 0 || waiting < bestWaiting) {
            bestWaiting = waiting;
            chosen = counter;
            letter = l.text(0);
            nextSeq = next;
        }
    }
    if (chosen.empty()) return fail(TicketIssueError::CounterFull);

    char number[16];
    std::snprintf(number, sizeof number, "%s%03d", letter.c_str(), static_cast<int>(nextSeq));
    QueueTicket t;
    t.number = number;
    t.ticketId = "tk_" + compactDay(day) + "_" + t.number;
    t.serviceId = request.serviceId;
    t.counter = chosen;
    t.issuedAt = isoVietnamTime(now);
    // Priority tickets are called before the others: only priority tickets are ahead of them.
    t.peopleAhead = waitingAt(*db_, day, chosen, priority, nextSeq);
    t.estimatedWaitMinutes = t.peopleAhead * minutesPerTicket;
    t.followUrl = followUrl(followBaseUrl, t.ticketId);
    t.state = "waiting";
    db_->prepare(
           "INSERT INTO queue_tickets (ticket_id, day, counter, seq, number, service_id, priority, "
           "kiosk_id, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, t.ticketId)
        .bind(2, day)
        .bind(3, chosen)
        .bind(4, nextSeq)
        .bind(5, t.number)
        .bind(6, t.serviceId)
        .bind(7, priorityApiName(request.priority))
        .bind(8, kioskId)
        .bind(9, t.issuedAt)
        .run();
    tx.commit();
    return t;
}

std::optional<QueueTicket> GatewayStore::queueTicket(std::string_view ticketId,
                                                     std::string_view followBaseUrl) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT t.ticket_id, t.number, t.service_id, t.counter, t.issued_at, t.state, t.day, "
        "t.seq, t.priority, COALESCE(s.minutes_per_ticket, 5) FROM queue_tickets t "
        "LEFT JOIN queue_services s ON s.id = t.service_id WHERE t.ticket_id = ?");
    st.bind(1, ticketId);
    if (!st.step()) return std::nullopt;
    QueueTicket t;
    t.ticketId = st.text(0);
    t.number = st.text(1);
    t.serviceId = st.text(2);
    t.counter = st.text(3);
    t.issuedAt = st.text(4);
    t.state = st.text(5);
    if (t.state == "waiting")
        t.peopleAhead = waitingAt(*db_, st.text(6), t.counter, st.text(8) != "none", st.integer(7));
    t.estimatedWaitMinutes = t.peopleAhead * static_cast<int>(st.integer(9));
    t.followUrl = followUrl(followBaseUrl, t.ticketId);
    return t;
}

}  // namespace dvc::gateway
