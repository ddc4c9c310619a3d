// THE KILL -9 TEST: a submitter process (outbox_submitter) is killed with SIGKILL at random
// instants and restarted; at the end the gateway holds exactly one dossier per submission
// (none lost, none duplicated), and the outbox's receipts are exactly the gateway's dossiers.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "gateway_process.h"
#include "outbox/outbox_store.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

// Enough work that the 20 runs end by their kill, not by finishing (≈10 ms per submission).
constexpr int kSubmissions = 300;
constexpr int kKills = 20;

std::vector<std::string> submitterArgs(const std::filesystem::path& dir,
                                       const test::GatewayProcess& gw) {
    return {DVC_OUTBOX_SUBMITTER_BIN,
            "--dir",
            dir.string(),
            "--url",
            gw.url(),
            "--ca",
            gw.caFile().string(),
            "--count",
            std::to_string(kSubmissions)};
}

// Number of every dossier the gateway created for the kill-test kiosk → how many times
// (sampleSubmission carries its number in the phone number).
std::map<int, int> gatewayDossiers(const std::filesystem::path& dataDir,
                                   std::set<std::string>& codes) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((dataDir / "gateway.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT CAST(substr(json_extract(form_json, '$.so_dien_thoai'), 4) "
                               "AS INTEGER), dossier_code "
                               "FROM dossier_submissions WHERE kiosk_id = 'KIOSK-KILL-01'",
                               -1, &st, nullptr) == SQLITE_OK);
    std::map<int, int> seen;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ++seen[sqlite3_column_int(st, 0)];
        codes.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return seen;
}

}  // namespace

TEST_CASE("kill -9 at random moments never loses or duplicates a dossier", "[kill]") {
    test::GatewayProcess gw("kill");
    auto dir = test::freshTempDir("outbox-kill");
    std::mt19937 rng(std::random_device{}());
    // Kills land anywhere: during start-up, enqueues, sends and updates.
    std::uniform_int_distribution<int> delayMs(0, 300);
    std::set<int> told;  // submissions the citizen was told were submitted
    int completedEarly = 0;

    for (int i = 0; i < kKills; ++i) {
        auto child = test::spawnWithStdout(submitterArgs(dir, gw));
        REQUIRE(child.pid > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
        ::kill(child.pid, SIGKILL);
        std::string out;
        char buf[4096];
        ssize_t n;
        while ((n = ::read(child.out, buf, sizeof buf)) > 0)
            out.append(buf, static_cast<size_t>(n));
        int status = test::reap(child, false);
        if (status == 0)
            ++completedEarly;  // finished before the kill: fine, nothing left
        else
            CHECK(status == 128 + SIGKILL);
        for (std::size_t pos = 0; (pos = out.find("enqueued ", pos)) != std::string::npos; ++pos)
            told.insert(std::atoi(out.c_str() + pos + 9));
    }
    // Last run, not killed: it must finish the work.
    auto last = test::runCommand(submitterArgs(dir, gw));
    CHECK(last.exitCode == 0);
    CHECK(last.out.find("done") != std::string::npos);
    // Most kills must interrupt work, or the test would prove nothing.
    CHECK(completedEarly <= kKills / 4);

    std::set<std::string> codes;
    auto seen = gatewayDossiers(gw.dataDir(), codes);
    CHECK(seen.size() == static_cast<std::size_t>(kSubmissions));
    for (int s = 0; s < kSubmissions; ++s) {
        INFO("submission " << s);
        CHECK(seen[s] == 1);
    }
    CHECK(codes.size() == static_cast<std::size_t>(kSubmissions));
    for (int s : told) CHECK(seen.count(s) == 1);  // nothing the citizen was told is lost

    auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
    REQUIRE(key);
    auto store = OutboxStore::open(dir / "outbox.db", key.value());
    REQUIRE(store);
    auto rows = store.value()->all();
    CHECK(rows.size() == static_cast<std::size_t>(kSubmissions));
    std::set<std::string> receiptCodes;
    for (const auto& r : rows) {
        CHECK(r.state == OutboxState::Delivered);
        CHECK_FALSE(r.hasPayload);
        if (r.receipt) receiptCodes.insert(r.receipt->code);
    }
    CHECK(receiptCodes == codes);
    store.value().reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}
