#pragma once
#include "gateway_process.h"

namespace dvc::bench {

// outbox_durable_enqueue_median/_p95 (ms): enqueue into the outbox, committed and fsync'd;
// submit_roundtrip_median/_p95 (ms): POST /api/v1/dossiers over HTTPS to the real gateway,
// each with a fresh Idempotency-Key (the gateway also commits with fsync).
// The outbox lives in a folder under the current directory (not a tmpfs: fsync must be real).
void runOutboxBench(const test::GatewayProcess& gateway, int samples);

}  // namespace dvc::bench
