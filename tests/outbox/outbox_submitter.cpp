// Test-only program for the kill -9 test: enqueues submissions 0..N-1 into an outbox (those
// not already there) and delivers them to the gateway, ignoring the backoff so a restarted
// run resumes at once. It may be killed at any instant; run again, it carries on.
//   outbox_submitter --dir DIR --url URL --ca FILE --count N
// Prints "enqueued <n> <local ref>" after each durable enqueue (when the citizen would be told
// "submitted"), "done" at the end. Exit 0: all delivered; 3: some rejected; 2: usage; 1: error.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "https_portal_client.h"
#include "outbox/outbox_delivery.h"
#include "sample_submission.h"

using namespace dvc;

int main(int argc, char** argv) {
    std::string dir, url, ca;
    int count = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--dir")
            dir = argv[i + 1];
        else if (a == "--url")
            url = argv[i + 1];
        else if (a == "--ca")
            ca = argv[i + 1];
        else if (a == "--count")
            count = std::atoi(argv[i + 1]);
        else
            return 2;
    }
    if (dir.empty() || url.empty() || ca.empty() || count < 0) {
        std::fprintf(stderr, "usage: outbox_submitter --dir DIR --url URL --ca FILE --count N\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    auto key = OutboxKey::loadOrCreate(std::filesystem::path(dir) / "outbox.key");
    if (!key) return std::fprintf(stderr, "%s\n", key.error().c_str()), 1;
    auto store = OutboxStore::open(std::filesystem::path(dir) / "outbox.db", key.value());
    if (!store) return std::fprintf(stderr, "%s\n", store.error().c_str()), 1;
    OutboxStore& outbox = *store.value();

    BackendConfig backend;
    backend.url = url;
    backend.caFile = ca;
    backend.connectTimeoutMs = 1000;
    backend.requestTimeoutMs = 5000;
    HttpsPortalClient portal(backend, "KIOSK-KILL-01");
    OutboxDelivery delivery(outbox, portal);
    // Far in the future: every pending row is due, whatever its backoff says.
    const auto anyTime = OutboxClock::now() + std::chrono::hours(24 * 365);

    // Enqueue is atomic, so the rows present are exactly the submissions already made.
    for (int n = static_cast<int>(outbox.all().size()); n < count; ++n) {
        auto entry = outbox.enqueue(test::sampleSubmission(n, "KIOSK-KILL-01"), OutboxClock::now());
        if (!entry) return std::fprintf(stderr, "%s\n", entry.error().c_str()), 1;
        std::printf("enqueued %d %s\n", n, entry->localRef.c_str());
        delivery.deliverDue(anyTime);  // interleaved, as at a kiosk with a citizen per minute
    }
    while (outbox.countIn(OutboxState::Pending) > 0) {
        auto pass = delivery.deliverDue(anyTime);
        if (pass.delivered == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::printf("done\n");
    return outbox.countIn(OutboxState::Rejected) > 0 ? 3 : 0;
}
