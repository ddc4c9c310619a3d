#pragma once
#include <SDL.h>

#include <atomic>
#include <chrono>
#include <optional>

namespace dvc::ui {

// Sleeps until the next SDL event or a timeout, never spinning.
// With a windowing system (X11, Wayland) SDL_WaitEventTimeout blocks in the kernel. SDL's
// offscreen and dummy drivers have no event source and SDL falls back to polling every
// millisecond there; since every event then comes from this process (the wake event, the
// script's taps, SIGTERM/SIGINT), they are posted through here and the wait is a poll() on a
// self-pipe, which a signal handler can also write to.
class EventWaiter {
public:
    EventWaiter();  // after SDL_Init(SDL_INIT_VIDEO)
    ~EventWaiter();
    EventWaiter(const EventWaiter&) = delete;
    EventWaiter& operator=(const EventWaiter&) = delete;

    Uint32 wakeEventType() const { return wakeType_; }
    // Thread-safe. Makes wait() return with the wake event; repeated calls before the loop
    // has seen the event coalesce into one.
    void wake();
    // Called by the loop when it takes the wake event off the queue.
    void wakeSeen() { wakePending_ = false; }
    // Thread-safe. Queues an event as if the platform had sent it.
    void push(SDL_Event event);
    // Waits up to `timeout` (forever if nullopt) for an event; true if `event` was filled.
    bool wait(SDL_Event& event, std::optional<std::chrono::milliseconds> timeout);
    bool usesSdlWait() const { return sdlWait_; }

private:
    void signal();
    bool sdlWait_ = true;
    Uint32 wakeType_ = 0;
    std::atomic<bool> wakePending_{false};
    int pipe_[2] = {-1, -1};
};

}  // namespace dvc::ui
