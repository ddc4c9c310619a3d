#include "event_waiter.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstring>

namespace dvc::ui {

namespace {

volatile std::sig_atomic_t gQuitSignal = 0;
int gSignalPipe = -1;

extern "C" void onQuitSignal(int) {
    gQuitSignal = 1;
    if (gSignalPipe >= 0) {
        char b = 'q';
        [[maybe_unused]] auto n = write(gSignalPipe, &b, 1);
    }
}

}  // namespace

EventWaiter::EventWaiter() {
    const char* driver = SDL_GetCurrentVideoDriver();
    sdlWait_ = !(driver && (std::strcmp(driver, "offscreen") == 0 ||
                            std::strcmp(driver, "dummy") == 0));
    wakeType_ = SDL_RegisterEvents(1);
    if (!sdlWait_ && pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) == 0) {
        // SDL's own SIGTERM/SIGINT handlers only queue SDL_QUIT on the next event pump, which
        // nothing would run while we sleep; ours also wake the poll().
        gSignalPipe = pipe_[1];
        struct sigaction sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sa_handler = onQuitSignal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGTERM, &sa, nullptr);
        sigaction(SIGINT, &sa, nullptr);
    } else if (!sdlWait_) {
        sdlWait_ = true;  // no pipe: fall back to SDL's (polling) wait rather than hang
    }
}

EventWaiter::~EventWaiter() {
    if (pipe_[0] < 0) return;
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    gSignalPipe = -1;
    close(pipe_[0]);
    close(pipe_[1]);
}

void EventWaiter::signal() {
    if (sdlWait_) return;  // SDL_PushEvent already wakes SDL_WaitEventTimeout
    char b = 'w';
    [[maybe_unused]] auto n = write(pipe_[1], &b, 1);  // a full pipe is already a wake-up
}

void EventWaiter::wake() {
    if (wakePending_.exchange(true)) return;
    SDL_Event e;
    SDL_zero(e);
    e.type = wakeType_;
    SDL_PushEvent(&e);
    signal();
}

void EventWaiter::push(SDL_Event event) {
    SDL_PushEvent(&event);
    signal();
}

bool EventWaiter::wait(SDL_Event& event, std::optional<std::chrono::milliseconds> timeout) {
    if (sdlWait_) {
        if (!timeout) return SDL_WaitEvent(&event) == 1;
        auto ms = timeout->count();
        if (ms <= 0) return SDL_PollEvent(&event) == 1;
        return SDL_WaitEventTimeout(&event, ms > INT_MAX ? INT_MAX : static_cast<int>(ms)) == 1;
    }
    if (SDL_PollEvent(&event) == 1) return true;
    if (!timeout || timeout->count() > 0) {
        pollfd p{pipe_[0], POLLIN, 0};
        long long ms = timeout ? timeout->count() : -1;
        poll(&p, 1, ms > INT_MAX ? INT_MAX : static_cast<int>(ms));
        char drain[64];
        while (read(pipe_[0], drain, sizeof drain) > 0) {
        }
    }
    if (gQuitSignal) {
        gQuitSignal = 0;
        SDL_Event quit;
        SDL_zero(quit);
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
    }
    return SDL_PollEvent(&event) == 1;
}

}  // namespace dvc::ui
