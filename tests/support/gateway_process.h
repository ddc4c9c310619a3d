#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace dvc::test {

// A real dvc-gateway child process on 127.0.0.1 with an ephemeral port and its own data
// folder (its own dev CA). Stopped with SIGTERM by stop() or the destructor.
class GatewayProcess {
public:
    explicit GatewayProcess(const std::string& name);
    ~GatewayProcess();
    GatewayProcess(const GatewayProcess&) = delete;
    GatewayProcess& operator=(const GatewayProcess&) = delete;

    const std::string& url() const { return url_; }
    const std::filesystem::path& caFile() const { return caFile_; }
    const std::filesystem::path& dataDir() const { return dataDir_; }
    // SIGTERM, wait; returns the exit status (0 = clean stop).
    int stop();

private:
    pid_t pid_ = -1;
    std::filesystem::path dataDir_;
    std::string url_;
    std::filesystem::path caFile_;
};

// A unique empty folder under the system temp dir.
std::filesystem::path freshTempDir(const std::string& name);

// Runs a command, returns its exit status and stdout.
struct CommandResult {
    int exitCode = -1;
    std::string out;
};
CommandResult runCommand(const std::vector<std::string>& argv);

}  // namespace dvc::test
