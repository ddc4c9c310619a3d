#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "frame_record.h"
#include "i18n/translations.h"
#include "session/session.h"

namespace dvc::ui {

struct AppLoopOptions {
    std::string title = "dvc-kiosk";
    bool fullscreen = true;
    bool portrait = true;
    float scale = 1.0f;  // windowed: the 1080×1920 (or 1920×1080) window is scaled by this
    std::string centreName;
    std::string kioskId;
    std::filesystem::path assetsDir;  // fonts are looked up in assetsDir/fonts first
};

// What an observer (the script runner, the first-frame probe) may do with the running loop.
class LoopControl {
public:
    virtual ~LoopControl() = default;
    virtual const FrameRecord& lastFrame() const = 0;
    virtual std::uint64_t framesPresented() const = 0;
    // No input waiting to be replayed and no settle frames owed: lastFrame() shows the state.
    virtual bool settled() const = 0;
    // A touch at window coordinates, as SDL mouse events (what SDL makes of a finger).
    virtual void tap(float x, float y) = 0;
    virtual void requestFrame() = 0;
    // Moves the Session's clock forward (idle-timeout tests without waiting).
    virtual void advanceClock(std::chrono::seconds by) = 0;
    virtual void stop(int exitCode) = 0;
    virtual int framebufferWidth() const = 0;
    virtual int framebufferHeight() const = 0;
};

class LoopObserver {
public:
    virtual ~LoopObserver() = default;
    // The frame is drawn and not yet presented: the GL back buffer can be read.
    virtual void beforePresent(LoopControl&) {}
    virtual void afterPresent(LoopControl&) {}
    // After every wake of the loop (events handled, frame drawn if one was due).
    virtual void afterIteration(LoopControl&) {}
    // When the observer must run again even if nothing else happens (steady clock).
    virtual std::optional<std::chrono::steady_clock::time_point> wakeAt() const {
        return std::nullopt;
    }
};

// The only frame loop. Event-driven: it sleeps until input, a worker's result (the Session's
// wake callback), a Session deadline (idle countdown, heartbeat), the clock's next minute or
// an animation frame; it draws only when one of them changed something.
// Returns the process exit code (0 on a normal quit, 1 if SDL/GL/fonts could not start).
int runAppLoop(Session& session, const Translations& translations, const AppLoopOptions& options,
               const std::vector<LoopObserver*>& observers);

}  // namespace dvc::ui
