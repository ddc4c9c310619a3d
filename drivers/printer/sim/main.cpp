// dvc-printer-sim: a network receipt printer on loopback for demos and tests.
//   dvc-printer-sim --listen 127.0.0.1:0 --out DIR [--width 384|576]
//                   [--paper-out] [--near-end] [--cover-open] [--cutter-error]
// Prints the port it listens on as the first line of stdout; writes ticket-NNNN.png per cut.
// SIGUSR1 toggles paper out, SIGUSR2 toggles cover open; SIGTERM/SIGINT stop it.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "printer_simulator.h"

using namespace dvc;

namespace {
volatile std::sig_atomic_t gStop = 0, gTogglePaper = 0, gToggleCover = 0;
void onStop(int) {
    gStop = 1;
}
void onUsr1(int) {
    gTogglePaper = 1;
}
void onUsr2(int) {
    gToggleCover = 1;
}

int usage() {
    std::fputs(
        "usage: dvc-printer-sim --listen HOST:PORT --out DIR [--width 384|576]\n"
        "                       [--paper-out] [--near-end] [--cover-open] [--cutter-error]\n",
        stderr);
    return 2;
}
}  // namespace

int main(int argc, char** argv) {
    std::string listen = "127.0.0.1:0";
    sim::SimulatorOptions options;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--listen" && i + 1 < argc)
            listen = argv[++i];
        else if (a == "--out" && i + 1 < argc)
            options.outDir = argv[++i];
        else if (a == "--width" && i + 1 < argc)
            options.widthDots = std::atoi(argv[++i]);
        else if (a == "--paper-out")
            options.status.paperOut = true;
        else if (a == "--near-end")
            options.status.paperNearEnd = true;
        else if (a == "--cover-open")
            options.status.coverOpen = true;
        else if (a == "--cutter-error")
            options.status.cutterError = true;
        else
            return usage();
    }
    auto colon = listen.rfind(':');
    if (options.outDir.empty() || colon == std::string::npos ||
        (options.widthDots != 384 && options.widthDots != 576))
        return usage();
    int port = std::atoi(listen.c_str() + colon + 1);
    if (port < 0 || port > 65535) return usage();
    auto sim = sim::PrinterSimulator::start(listen.substr(0, colon),
                                            static_cast<std::uint16_t>(port), options);
    if (!sim) {
        std::fprintf(stderr, "dvc-printer-sim: %s\n", sim.error().c_str());
        return 1;
    }
    std::signal(SIGTERM, onStop);
    std::signal(SIGINT, onStop);
    std::signal(SIGUSR1, onUsr1);
    std::signal(SIGUSR2, onUsr2);
    std::printf("%u\n", static_cast<unsigned>((*sim)->port()));
    std::fflush(stdout);
    std::size_t reported = 0;
    while (!gStop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (gTogglePaper || gToggleCover) {
            auto s = (*sim)->status();
            if (gTogglePaper) s.paperOut = !s.paperOut;
            if (gToggleCover) s.coverOpen = !s.coverOpen;
            gTogglePaper = 0;
            gToggleCover = 0;
            (*sim)->setStatus(s);
            std::fprintf(stderr, "dvc-printer-sim: status %s\n", printerStatusFlags(s).c_str());
        }
        auto pages = (*sim)->pages();
        for (; reported < pages.size(); ++reported)
            std::fprintf(stderr, "dvc-printer-sim: wrote %s\n", pages[reported].c_str());
    }
    (*sim)->stop();
    return 0;
}
