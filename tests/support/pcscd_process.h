#pragma once
// A private pcscd for tests and benchmarks: its own socket, its own reader.conf.d holding only
// vsmartcard's virtual reader on a free TCP port, so it neither needs nor disturbs a system
// pcscd (which may be running, or socket-activated, on the same machine).
//
// pcsc-lite 1.9.9's daemon always puts its socket in /run/pcscd (PCSCLITE_CSOCK_NAME is read by
// the client library only), so the daemon runs in a mount namespace of its own where a private
// folder is mounted on /run/pcscd; clients in this process find it through PCSCLITE_CSOCK_NAME.
// That needs root (CAP_SYS_ADMIN), as in CI and on the development machine. Without it, and
// only when no system pcscd socket exists, pcscd runs with the default socket instead.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dvc::test {

class PcscdProcess {
  public:
    static constexpr const char* kPcscdBinary = "/usr/sbin/pcscd";
    static constexpr const char* kVpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    // The reader vpcd's first slot shows up as (the second, "… 00 01", listens on port + 1).
    static constexpr const char* kVpcdReaderName = "Virtual PCD 00 00";

    // Why pcscd with vpcd cannot run because a package is missing (pcscd, vsmartcard-vpcd);
    // nullopt when both are installed. The only reason tests may skip.
    static std::optional<std::string> notInstalled();

    // Starts pcscd and waits until it accepts clients; throws std::runtime_error (with the
    // daemon's log) when it cannot.
    PcscdProcess();
    ~PcscdProcess();
    PcscdProcess(const PcscdProcess&) = delete;
    PcscdProcess& operator=(const PcscdProcess&) = delete;

    // The TCP port vpcd listens on for the card of "Virtual PCD 00 00" (on all interfaces:
    // connect to 127.0.0.1 only).
    std::uint16_t vpcdPort() const { return port_; }
    bool running() const { return pid_ > 0; }
    // SIGTERM, wait (SIGKILL after 5 s); the exit status, or -1 when not running.
    int stop();
    // What pcscd printed (it runs in the foreground, logging to a file).
    std::string log() const;

  private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::filesystem::path workDir_;
};

}  // namespace dvc::test
