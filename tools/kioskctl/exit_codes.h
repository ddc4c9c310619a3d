#pragma once

// dvc-kioskctl's exit codes: a contract with technicians' scripts (docs/kioskctl.md).
namespace dvc::kioskctl {
constexpr int kOk = 0;
constexpr int kFailure = 1;       // anything else (bad config file…)
constexpr int kUsage = 2;
constexpr int kNotFound = 3;
constexpr int kUnreachable = 4;   // no connection, timeout, or TLS refused
constexpr int kBadResponse = 5;   // the gateway answered, but wrongly (5xx, garbage, refused request)
}  // namespace dvc::kioskctl
