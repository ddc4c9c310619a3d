#include "script_runner.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "screenshot.h"

namespace dvc::app {

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr auto kTapWait = std::chrono::milliseconds(5000);
constexpr int kDefaultTextTimeoutMs = 10000;

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::optional<int> toInt(const std::string& s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string> splitWords(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// "<text> [number]" or "\"text\" [number]" → text and the optional number.
std::pair<std::string, std::optional<int>> textAndNumber(const std::string& rest) {
    if (!rest.empty() && rest.front() == '"') {
        auto close = rest.find('"', 1);
        if (close != std::string::npos) {
            std::string text = rest.substr(1, close - 1);
            std::string after = trim(rest.substr(close + 1));
            return {text, after.empty() ? std::nullopt : toInt(after)};
        }
    }
    auto space = rest.find_last_of(' ');
    if (space != std::string::npos) {
        if (auto n = toInt(rest.substr(space + 1))) return {trim(rest.substr(0, space)), n};
    }
    return {rest, std::nullopt};
}

std::string unquote(const std::string& s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
    return s;
}

}  // namespace

Result<ScriptRunner, std::string> ScriptRunner::load(const std::filesystem::path& file,
                                                     std::filesystem::path screenshotDir,
                                                     std::filesystem::path qrInbox) {
    std::ifstream in(file);
    if (!in) return fail("script: cannot open " + file.string());
    ScriptRunner r;
    r.scriptDir_ = file.parent_path();
    r.screenshotDir_ = std::move(screenshotDir);
    r.qrInbox_ = std::move(qrInbox);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        std::string line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        auto space = line.find(' ');
        Command c;
        c.line = lineNo;
        c.verb = line.substr(0, space);
        std::string rest = space == std::string::npos ? "" : trim(line.substr(space + 1));
        auto bad = [&](const std::string& why) {
            return fail("script: line " + std::to_string(lineNo) + ": " + why);
        };
        const std::string& v = c.verb;
        if (v == "tap" || v == "type" || v == "expect_text" || v == "expect_no_text" ||
            v == "screenshot" || v == "drop_qr" || v == "echo" || v == "start_dossier") {
            if (rest.empty()) return bad(v + " needs an argument");
            c.args = {unquote(rest)};
        } else if (v == "wait_text") {
            auto [text, ms] = textAndNumber(rest);
            if (text.empty()) return bad("wait_text needs a text");
            c.args = {text, std::to_string(ms.value_or(kDefaultTextTimeoutMs))};
        } else if (v == "wait_file") {
            auto [path, ms] = textAndNumber(rest);
            if (path.empty()) return bad("wait_file needs a path");
            c.args = {path, std::to_string(ms.value_or(kDefaultTextTimeoutMs))};
        } else if (v == "wait_ms" || v == "idle") {
            if (!toInt(rest) || *toInt(rest) < 0) return bad(v + " needs a non-negative number");
            c.args = {rest};
        } else if (v == "expect_pixel") {
            c.args = splitWords(rest);
            if (c.args.size() < 5 || c.args.size() > 6) return bad("expect_pixel x y r g b [tol]");
            for (const auto& a : c.args)
                if (!toInt(a)) return bad("expect_pixel: '" + a + "' is not a number");
        } else if (v == "expect_widget_pixel") {
            c.args = splitWords(rest);
            if (c.args.size() < 4 || c.args.size() > 5) return bad("expect_widget_pixel id r g b [tol]");
            for (std::size_t i = 1; i < c.args.size(); ++i)
                if (!toInt(c.args[i])) return bad("expect_widget_pixel: '" + c.args[i] + "' is not a number");
        } else if (v == "quit") {
        } else {
            return bad("unknown command '" + v + "'");
        }
        r.commands_.push_back(std::move(c));
    }
    return r;
}

std::filesystem::path ScriptRunner::resolveInput(const std::string& name) const {
    std::filesystem::path p(name);
    std::error_code ec;
    if (p.is_absolute() || std::filesystem::exists(p, ec)) return p;
    return scriptDir_ / p;
}

void ScriptRunner::next() {
    ++pc_;
    pollAt_.reset();
    deadline_.reset();
}

void ScriptRunner::failNow(ui::LoopControl& loop, const std::string& what) {
    std::cerr << "script: line " << commands_[pc_].line << ": " << what << std::endl;
    pending_ = Pending::FailureShot;
    shotFile_ = screenshotDir_ / "failure.png";
    finished_ = true;
    loop.requestFrame();
}

std::optional<SteadyClock::time_point> ScriptRunner::wakeAt() const {
    if (pollAt_ && (!deadline_ || *pollAt_ < *deadline_)) return pollAt_;
    return deadline_;
}

void ScriptRunner::beforePresent(ui::LoopControl& loop) {
    const int w = loop.framebufferWidth(), h = loop.framebufferHeight();
    switch (pending_) {
        case Pending::None: return;
        case Pending::Screenshot:
        case Pending::FailureShot: {
            if (!writeScreenshot(shotFile_, w, h)) {
                std::cerr << "script: cannot write " << shotFile_.string() << std::endl;
                if (pending_ == Pending::Screenshot) pendingFailure_ = "cannot write " + shotFile_.string();
            } else {
                std::cout << "script: saved " << shotFile_.string() << std::endl;
            }
            if (pending_ == Pending::FailureShot) {
                pending_ = Pending::None;
                loop.stop(1);
                return;
            }
            break;
        }
        case Pending::Pixel: {
            if (pixelX_ < 0 || pixelY_ < 0 || pixelX_ >= w || pixelY_ >= h) {
                pendingFailure_ = "pixel " + std::to_string(pixelX_) + "," + std::to_string(pixelY_) +
                                  " is outside the " + std::to_string(w) + "x" + std::to_string(h) +
                                  " frame";
                break;
            }
            auto px = readPixel(pixelX_, pixelY_, h);
            auto off = [&](int got, int want) { return got - want > pixelTol_ || want - got > pixelTol_; };
            if (off(px[0], expectR_) || off(px[1], expectG_) || off(px[2], expectB_)) {
                pendingFailure_ = "pixel " + std::to_string(pixelX_) + "," + std::to_string(pixelY_) +
                                  " is rgb(" + std::to_string(px[0]) + "," + std::to_string(px[1]) +
                                  "," + std::to_string(px[2]) + "), expected rgb(" +
                                  std::to_string(expectR_) + "," + std::to_string(expectG_) + "," +
                                  std::to_string(expectB_) + ") ±" + std::to_string(pixelTol_);
            }
            break;
        }
    }
    pending_ = Pending::None;
    if (!pendingFailure_) next();
}

void ScriptRunner::afterIteration(ui::LoopControl& loop) {
    if (finished_ && pending_ == Pending::None && !pendingFailure_) return;
    if (pendingFailure_) {
        std::string what = *pendingFailure_;
        pendingFailure_.reset();
        failNow(loop, what);
        return;
    }
    if (pending_ != Pending::None) return;  // a frame is on its way
    while (!finished_ && pending_ == Pending::None) {
        if (loop.framesPresented() == 0 || !loop.settled()) return;
        if (!step(loop)) return;
    }
}

bool ScriptRunner::step(ui::LoopControl& loop) {
    if (pc_ >= commands_.size()) {
        std::cout << "script: done" << std::endl;
        finished_ = true;
        loop.stop(0);
        return false;
    }
    const Command& c = commands_[pc_];
    const auto now = SteadyClock::now();
    const ui::FrameRecord& frame = loop.lastFrame();
    if (!deadline_) {
        static const auto started = now;
        std::cout << "script: " << c.line << ": [" 
                  << std::chrono::duration_cast<std::chrono::milliseconds>(now - started).count()
                  << " ms] " << c.verb;
        for (const auto& a : c.args) std::cout << " " << a;
        std::cout << std::endl;
    }

    auto tapWidget = [&](const std::string& name) -> bool {  // false: not there yet
        const ui::WidgetRecord* w = frame.findWidget(name);
        if (!w) {
            if (!deadline_) deadline_ = now + kTapWait;
            if (now >= *deadline_) failNow(loop, "nothing to tap named '" + name + "' on screen");
            return false;
        }
        deadline_.reset();
        loop.tap(w->rect.centreX(), w->rect.centreY());
        return true;
    };

    if (c.verb == "tap") {
        if (tapWidget(c.args[0])) next();
        return false;  // let the tap play out
    }
    if (c.verb == "type") {
        // Every key is found first, then all the taps are queued at once, as quick fingers
        // would type; the loop still plays each press and release in its own frame.
        std::vector<const ui::WidgetRecord*> keys;
        for (char ch : c.args[0]) {
            if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            std::string id = std::string("key:") + ch;
            const ui::WidgetRecord* w = frame.findWidget(id);
            if (!w) {
                if (!deadline_) deadline_ = now + kTapWait;
                if (now >= *deadline_) failNow(loop, "no keypad key '" + std::string(1, ch) + "' on screen");
                return false;
            }
            keys.push_back(w);
        }
        for (const auto* w : keys) loop.tap(w->rect.centreX(), w->rect.centreY());
        next();
        return false;
    }
    if (c.verb == "wait_text") {
        if (frame.containsText(c.args[0])) {
            next();
            return true;
        }
        if (!deadline_) deadline_ = now + std::chrono::milliseconds(*toInt(c.args[1]));
        if (now >= *deadline_)
            failNow(loop, "text '" + c.args[0] + "' did not appear within " + c.args[1] + " ms");
        return false;
    }
    if (c.verb == "expect_text") {
        if (!frame.containsText(c.args[0])) {
            failNow(loop, "expected text '" + c.args[0] + "' is not on screen");
            return false;
        }
        next();
        return true;
    }
    if (c.verb == "expect_no_text") {
        if (frame.containsText(c.args[0])) {
            failNow(loop, "text '" + c.args[0] + "' is on screen and must not be");
            return false;
        }
        next();
        return true;
    }
    if (c.verb == "screenshot") {
        std::filesystem::path p(c.args[0]);
        shotFile_ = p.is_absolute() ? p : screenshotDir_ / p;
        pending_ = Pending::Screenshot;
        loop.requestFrame();
        return false;
    }
    if (c.verb == "expect_pixel" || c.verb == "expect_widget_pixel") {
        std::size_t i = 0;
        if (c.verb == "expect_pixel") {
            pixelX_ = *toInt(c.args[0]);
            pixelY_ = *toInt(c.args[1]);
            i = 2;
        } else {
            const ui::WidgetRecord* w = frame.findWidget(c.args[0]);
            if (!w) {
                failNow(loop, "no widget '" + c.args[0] + "' on screen");
                return false;
            }
            // Just inside the left end, clear of the label and of the rounded corner.
            pixelX_ = static_cast<int>(w->rect.x + w->rect.h * 0.3f);
            pixelY_ = static_cast<int>(w->rect.centreY());
            i = 1;
        }
        expectR_ = *toInt(c.args[i]);
        expectG_ = *toInt(c.args[i + 1]);
        expectB_ = *toInt(c.args[i + 2]);
        pixelTol_ = c.args.size() > i + 3 ? *toInt(c.args[i + 3]) : 8;
        pending_ = Pending::Pixel;
        loop.requestFrame();
        return false;
    }
    if (c.verb == "drop_qr") {
        auto src = resolveInput(c.args[0]);
        std::error_code ec;
        std::filesystem::create_directories(qrInbox_, ec);
        // Written under a dot-name and renamed, so the camera never sees half a file.
        auto name = src.filename().string();
        auto tmp = qrInbox_ / ("." + name + ".part");
        std::filesystem::copy_file(src, tmp, std::filesystem::copy_options::overwrite_existing, ec);
        if (!ec) std::filesystem::rename(tmp, qrInbox_ / name, ec);
        if (ec) {
            failNow(loop, "cannot copy " + src.string() + " into " + qrInbox_.string() + ": " + ec.message());
            return false;
        }
        next();
        return true;
    }
    if (c.verb == "start_dossier") {
        if (!startDossier_) {
            failNow(loop, "start_dossier: no dossier flow in this kiosk");
            return false;
        }
        startDossier_(c.args[0]);
        loop.requestFrame();
        next();
        return false;
    }
    if (c.verb == "echo") {
        std::cout << "script: echo " << c.args[0] << std::endl;
        next();
        return true;
    }
    if (c.verb == "wait_file") {
        std::error_code ec;
        if (std::filesystem::exists(c.args[0], ec)) {
            next();
            return true;
        }
        if (!deadline_) deadline_ = now + std::chrono::milliseconds(*toInt(c.args[1]));
        if (now >= *deadline_) {
            failNow(loop, "file '" + c.args[0] + "' did not appear within " + c.args[1] + " ms");
            return false;
        }
        pollAt_ = now + std::chrono::milliseconds(50);
        return false;
    }
    if (c.verb == "wait_ms") {
        if (!deadline_) deadline_ = now + std::chrono::milliseconds(*toInt(c.args[0]));
        if (now < *deadline_) return false;
        next();
        return true;
    }
    if (c.verb == "idle") {
        loop.advanceClock(std::chrono::seconds(*toInt(c.args[0])));
        next();
        return false;
    }
    if (c.verb == "quit") {
        std::cout << "script: quit" << std::endl;
        finished_ = true;
        loop.stop(0);
        return false;
    }
    failNow(loop, "unknown command '" + c.verb + "'");
    return false;
}

}  // namespace dvc::app
