#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app_loop.h"
#include "common/result.h"

namespace dvc::app {

// Drives the real UI from a text script, one command a line (# starts a comment):
//   tap <label or widget id>       synthesised touch at the widget's centre (waits ≤ 5 s for it)
//   type <chars>                   taps keypad keys one by one ("key:<c>")
//   wait_text <text> [timeout_ms]  until a drawn text contains <text> (default 10000 ms)
//   expect_text <text> / expect_no_text <text>
//   screenshot <file.png>          the next frame, into --screenshot-dir
//   expect_pixel <x> <y> <r> <g> <b> [tol]
//   expect_widget_pixel <id> <r> <g> <b> [tol]   a pixel just inside the widget's left edge
//   drop_qr <file>                 copies the file into the simulated camera's inbox
//   wait_ms <n> / idle <seconds> (moves the Session clock) / quit
//   echo <text>                    prints "script: echo <text>" (a cue for a test harness)
//   wait_file <path> [timeout_ms]  until the file exists (the harness's answer to a cue)
//   start_dossier <procedure code>  opens the procedure's e-form as its detail screen's
//                                  "Nộp hồ sơ trực tuyến" does (until scripts tap their way there)
// Text arguments may be "quoted". Each command starts once the UI has settled. On the first
// failure: "script: line N: <what>" on stderr, failure.png, exit code 1.
class ScriptRunner final : public ui::LoopObserver {
public:
    struct Command {
        int line = 0;
        std::string verb;
        std::vector<std::string> args;
    };

    // Parses the script; the error is "script: line N: …".
    static Result<ScriptRunner, std::string> load(const std::filesystem::path& file,
                                                  std::filesystem::path screenshotDir,
                                                  std::filesystem::path qrInbox);

    // What start_dossier calls (main wires it to Session::startDossier; UI thread).
    void setDossierStarter(std::function<void(const std::string&)> start) { startDossier_ = std::move(start); }

    void beforePresent(ui::LoopControl& loop) override;
    void afterIteration(ui::LoopControl& loop) override;
    std::optional<std::chrono::steady_clock::time_point> wakeAt() const override;

private:
    enum class Pending { None, Screenshot, Pixel, FailureShot };
    bool step(ui::LoopControl& loop);  // false: wait for the next iteration
    void failNow(ui::LoopControl& loop, const std::string& what);
    void next();
    std::filesystem::path resolveInput(const std::string& name) const;

    std::vector<Command> commands_;
    std::filesystem::path scriptDir_, screenshotDir_, qrInbox_;
    std::size_t pc_ = 0;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    std::optional<std::chrono::steady_clock::time_point> pollAt_;  // wait_file checks
    Pending pending_ = Pending::None;
    std::filesystem::path shotFile_;
    int pixelX_ = 0, pixelY_ = 0, pixelTol_ = 0;
    int expectR_ = 0, expectG_ = 0, expectB_ = 0;
    std::optional<std::string> pendingFailure_;  // set by a check made in beforePresent
    bool finished_ = false;
    std::function<void(const std::string&)> startDossier_;
};

}  // namespace dvc::app
