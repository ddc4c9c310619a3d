#include "server/command_line.h"

namespace dvc::gateway {

namespace {

std::optional<int> parsePort(std::string_view text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    int port = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        port = port * 10 + (c - '0');
    }
    return port <= 65535 ? std::optional<int>(port) : std::nullopt;
}

}  // namespace

Result<CommandLine, std::string> parseCommandLine(const std::vector<std::string>& args) {
    CommandLine cl;
    std::optional<std::string> listen, data, seed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (arg == "-h" || arg == "--help") {
            cl.help = true;
            return cl;
        }
        std::optional<std::string> value;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        std::optional<std::string>* target = arg == "--listen" ? &listen
                                             : arg == "--data" ? &data
                                             : arg == "--seed" ? &seed
                                                               : nullptr;
        if (!target) return fail("unknown argument '" + arg + "'");
        if (*target) return fail(arg + " given twice");
        if (!value) {
            if (i + 1 >= args.size()) return fail(arg + " needs a value");
            value = args[++i];
        }
        if (value->empty()) return fail(arg + " needs a non-empty value");
        *target = *value;
    }
    if (!listen) return fail(std::string("--listen HOST:PORT is required"));
    if (!data) return fail(std::string("--data DIR is required"));

    auto colon = listen->rfind(':');
    if (colon == std::string::npos || colon == 0)
        return fail("--listen expects HOST:PORT, got '" + *listen + "'");
    cl.host = listen->substr(0, colon);
    if (cl.host.size() > 2 && cl.host.front() == '[' && cl.host.back() == ']')
        cl.host = cl.host.substr(1, cl.host.size() - 2);
    auto port = parsePort(std::string_view(*listen).substr(colon + 1));
    if (!port) return fail("--listen: '" + listen->substr(colon + 1) + "' is not a port (0–65535)");
    cl.port = *port;
    cl.dataDir = *data;
    if (seed) cl.seedDir = *seed;
    return cl;
}

std::string usageText(std::string_view program) {
    return "usage: " + std::string(program) +
           " --listen HOST:PORT --data DIR [--seed DIR]\n"
           "  --listen HOST:PORT  address to serve HTTPS on; port 0 picks a free port\n"
           "  --data DIR          gateway.db and tls/ (dev CA + server certificate), created "
           "if missing\n"
           "  --seed DIR          JSON seed loaded once into a new database (default: "
           "$DVC_SEED_DIR, else the source tree's server/seed)\n";
}

}  // namespace dvc::gateway
