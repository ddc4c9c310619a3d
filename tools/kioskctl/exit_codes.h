#pragma once

// dvc-kioskctl's exit codes: a contract with technicians' scripts (docs/kioskctl.md).
namespace dvc::kioskctl {
constexpr int kOk = 0;
constexpr int kFailure = 1;       // anything else (bad config file…)
constexpr int kUsage = 2;
constexpr int kNotFound = 3;
constexpr int kUnreachable = 4;   // no connection, timeout, or TLS refused
constexpr int kBadResponse = 5;   // the gateway answered, but wrongly (5xx, garbage, refused request)
// 10–19: the identity devices (QR and chip card).
constexpr int kNoQrCode = 10;            // qr decode: an image, but no QR code in it
constexpr int kCardAccessDenied = 11;    // card read: the chip refused the MRZ/CAN key
constexpr int kCardRemoved = 12;         // card read: the card left the field mid-read
constexpr int kCardNotVerified = 13;     // card read: read, but passive authentication failed
constexpr int kNoCard = 14;              // card read: no card presented in time
constexpr int kNoReader = 15;            // card read: no reader / PC/SC service not running
// Printer commands (docs/kioskctl.md).
constexpr int kPrinterNotFound = 6;  // no such printer: USB device absent, TCP refused, bad path
constexpr int kPrinterFault = 7;     // the printer reports paper out, cover open, cutter error, offline
constexpr int kPrinterIo = 8;        // the printer stopped answering or taking data (timeout, I/O)
}  // namespace dvc::kioskctl
