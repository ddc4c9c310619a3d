#include "gateway_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace dvc::test {

std::filesystem::path freshTempDir(const std::string& name) {
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path() /
               ("dvc-it-" + name + "-" + std::to_string(::getpid()) + "-" +
                std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

namespace {
std::string readLine(int fd) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1) {
        if (c == '\n') return line;
        line += c;
    }
    return line;
}

std::string afterPrefix(const std::string& line, const std::string& prefix) {
    if (line.rfind(prefix, 0) != 0)
        throw std::runtime_error("unexpected gateway output: '" + line + "'");
    return line.substr(prefix.size());
}
}  // namespace

GatewayProcess::GatewayProcess(const std::string& name) : dataDir_(freshTempDir(name)) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        std::string data = dataDir_.string();
        ::execl(DVC_GATEWAY_BIN, DVC_GATEWAY_BIN, "--listen", "127.0.0.1:0", "--data",
                data.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    url_ = afterPrefix(readLine(out[0]), "dvc-gateway listening on ");
    caFile_ = afterPrefix(readLine(out[0]), "CA certificate: ");
    ::close(out[0]);  // the gateway prints nothing more on stdout
}

int GatewayProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

GatewayProcess::~GatewayProcess() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dataDir_, ec);
}

CommandResult runCommand(const std::vector<std::string>& argv) {
    int out[2];
    if (::pipe(out) != 0) return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(out[1]);
    CommandResult r;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

}  // namespace dvc::test
