#pragma once

// dvc-kioskctl's exit codes: a contract with technicians' scripts (docs/kioskctl.md).
namespace dvc::kioskctl {
constexpr int kOk = 0;
constexpr int kFailure = 1;       // anything else (bad config file…)
constexpr int kUsage = 2;
constexpr int kNotFound = 3;
constexpr int kUnreachable = 4;   // no connection, timeout, or TLS refused
constexpr int kBadResponse = 5;   // the gateway answered, but wrongly (5xx, garbage, refused request)
// Printer commands (docs/kioskctl.md).
constexpr int kPrinterNotFound = 6;  // no such printer: USB device absent, TCP refused, bad path
constexpr int kPrinterFault = 7;     // the printer reports paper out, cover open, cutter error, offline
constexpr int kPrinterIo = 8;        // the printer stopped answering or taking data (timeout, I/O)
}  // namespace dvc::kioskctl
