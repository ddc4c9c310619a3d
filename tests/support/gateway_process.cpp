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

Child spawnWithStdout(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

std::optional<std::string> readLineStartingWith(int fd, const std::string& prefix) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1) {
        if (c != '\n') {
            line += c;
            continue;
        }
        if (line.rfind(prefix, 0) == 0) return line;
        line.clear();
    }
    return std::nullopt;
}

int reap(Child& child, bool terminate) {
    if (child.pid <= 0) return -1;
    if (terminate) ::kill(child.pid, SIGTERM);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    if (child.out >= 0) ::close(child.out);
    child = {};
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

namespace {
std::string afterPrefix(const std::optional<std::string>& line, const std::string& prefix) {
    if (!line) throw std::runtime_error("dvc-gateway ended before printing '" + prefix + "'");
    return line->substr(prefix.size());
}
}  // namespace

GatewayProcess::GatewayProcess(const std::string& name) : dataDir_(freshTempDir(name)) {
    launch("127.0.0.1:0");
}

GatewayProcess::GatewayProcess(const std::filesystem::path& dataDir, int port)
    : ownsDataDir_(false), dataDir_(dataDir) {
    launch("127.0.0.1:" + std::to_string(port));
}

int GatewayProcess::port() const {
    auto colon = url_.rfind(':');
    return colon == std::string::npos ? 0 : std::stoi(url_.substr(colon + 1));
}

void GatewayProcess::launch(const std::string& listen) {
    Child child =
        spawnWithStdout({DVC_GATEWAY_BIN, "--listen", listen, "--data", dataDir_.string()});
    if (child.pid <= 0) throw std::runtime_error("cannot start dvc-gateway");
    pid_ = child.pid;
    const std::string urlPrefix = "dvc-gateway listening on ", caPrefix = "CA certificate: ";
    url_ = afterPrefix(readLineStartingWith(child.out, urlPrefix), urlPrefix);
    caFile_ = afterPrefix(readLineStartingWith(child.out, caPrefix), caPrefix);
    ::close(child.out);  // the gateway prints nothing more on stdout
}

int GatewayProcess::stop() {
    Child child{pid_, -1};
    pid_ = -1;
    return reap(child, true);
}

GatewayProcess::~GatewayProcess() {
    stop();
    std::error_code ec;
    if (ownsDataDir_) std::filesystem::remove_all(dataDir_, ec);
}

CommandResult runCommand(const std::vector<std::string>& argv) {
    Child child = spawnWithStdout(argv);
    if (child.pid <= 0) return {};
    CommandResult r;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(child.out, buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
    r.exitCode = reap(child, false);
    return r;
}

}  // namespace dvc::test
