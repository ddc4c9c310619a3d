#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <csignal>

namespace {
// Client and server share the process; a peer hanging up mid-write must not kill the run.
const bool kIgnoreSigpipe = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}();
}  // namespace
