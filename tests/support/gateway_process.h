#pragma once
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dvc::test {

// A real dvc-gateway child process on 127.0.0.1 with an ephemeral port and its own data
// folder (its own dev CA). Stopped with SIGTERM by stop() or the destructor.
class GatewayProcess {
public:
    explicit GatewayProcess(const std::string& name);
    // A gateway on an existing data folder and a fixed port (0: any), e.g. to restart one that
    // was stopped; the folder is left in place afterwards.
    GatewayProcess(const std::filesystem::path& dataDir, int port);
    ~GatewayProcess();
    GatewayProcess(const GatewayProcess&) = delete;
    GatewayProcess& operator=(const GatewayProcess&) = delete;

    const std::string& url() const { return url_; }
    const std::filesystem::path& caFile() const { return caFile_; }
    const std::filesystem::path& dataDir() const { return dataDir_; }
    // The port from url().
    int port() const;
    // SIGTERM, wait; returns the exit status (0 = clean stop).
    int stop();

private:
    void launch(const std::string& listen);

    pid_t pid_ = -1;
    bool ownsDataDir_ = true;
    std::filesystem::path dataDir_;
    std::string url_;
    std::filesystem::path caFile_;
};

// A unique empty folder under the system temp dir.
std::filesystem::path freshTempDir(const std::string& name);

// A child process whose stdout is readable from `out`.
struct Child {
    pid_t pid = -1;
    int out = -1;
};
Child spawnWithStdout(const std::vector<std::string>& argv);
// Reads lines from fd until one starts with prefix; that line, or nullopt at end of file.
std::optional<std::string> readLineStartingWith(int fd, const std::string& prefix);
// Waits for the child (after SIGTERM when `terminate`), closes its pipe; its exit status.
int reap(Child& child, bool terminate);

// Runs a command, returns its exit status and stdout.
struct CommandResult {
    int exitCode = -1;
    std::string out;
};
CommandResult runCommand(const std::vector<std::string>& argv);

}  // namespace dvc::test
