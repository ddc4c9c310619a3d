#include "app_loop.h"

#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <deque>
#include <memory>
#include <imgui.h>
#include <string>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"
#include "event_waiter.h"
#include "fonts.h"
#include "kiosk_ui.h"
#include "log/log.h"
#include "theme.h"

namespace dvc::ui {

namespace {

using namespace std::chrono_literals;
using SteadyTime = std::chrono::steady_clock::time_point;

constexpr auto kAnimationFrame = 50ms;     // spinner / viewfinder: 20 frames a second is smooth
// ImGui acts on input one frame late: a press is seen in the frame after the event, the click
// on the release frame, and what the click changed is drawn in the frame after that. Keys get
// two frames; a pointer gets one frame per press/release/leave (see applyPointer) plus one more
// whenever a frame changed what the screen shows.
constexpr int kSettleFramesAfterInput = 2;

struct PointerEvent {
    enum class Kind { Move, Down, Up, Leave } kind;
    float x = 0, y = 0;
};

// What is on screen, in a few fields: when a wake changes none of them, no frame is drawn.
struct ViewSignature {
    Screen screen = Screen::Home;
    LookupPhase phase = LookupPhase::Entering;
    Language language = Language::Vietnamese;
    std::string code;
    std::string error;
    const DossierStatus* dossier = nullptr;
    std::size_t maintenance = 0;
    bool reachable = true;
    int idleLeft = -1;
    long long minute = 0;
    std::uint64_t catalog = 0;  // the catalogue flow's revision (lists, results, detail)
    bool operator==(const ViewSignature&) const = default;
};

long long wallMinute() {
    using namespace std::chrono;
    return duration_cast<minutes>(system_clock::now().time_since_epoch()).count();
}

class Loop final : public LoopControl {
public:
    Loop(Session& session, const Translations& translations, const AppLoopOptions& options,
         const std::vector<LoopObserver*>& observers)
        : session_(session), translations_(translations), options_(options), observers_(observers) {}

    int run();

    // --- LoopControl ---
    const FrameRecord& lastFrame() const override { return record_; }
    std::uint64_t framesPresented() const override { return frames_; }
    bool settled() const override {
        return settle_ == 0 && pointer_.empty() && !frameRequested_ && SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) == SDL_FALSE;
    }
    void tap(float x, float y) override;
    void requestFrame() override { frameRequested_ = true; }
    void advanceClock(std::chrono::seconds by) override {
        offset_ += by;
        settle_ = std::max(settle_, 2);
    }
    void stop(int exitCode) override {
        exitCode_ = exitCode;
        stopped_ = true;
    }
    int framebufferWidth() const override { return fbWidth_; }
    int framebufferHeight() const override { return fbHeight_; }

private:
    bool init();
    void shutdown();
    void handleEvent(const SDL_Event& e);
    void renderFrame(SteadyTime realNow);
    void applyPointer();
    bool ensureFonts(float unit);
    std::optional<SteadyTime> nextWake(SteadyTime realNow) const;
    bool animating() const {
        return session_.screen() == Screen::StatusLookup &&
               (session_.lookupPhase() == LookupPhase::Loading ||
                session_.lookupPhase() == LookupPhase::Scanning);
    }
    TimePoint sessionNow() const { return Clock::now() + offset_; }
    ViewSignature signature() const;

    Session& session_;
    const Translations& translations_;
    const AppLoopOptions& options_;
    std::vector<LoopObserver*> observers_;

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    bool imguiReady_ = false;
    // Shared with the Session's wake callback: a worker that copied the callback just before
    // shutdown may still call it, and must find a live waiter (SDL ignores pushes after quit).
    std::shared_ptr<EventWaiter> waiter_;
    Fonts fonts_;
    bool fontsBuilt_ = false;
    FrameRecord record_;

    std::deque<PointerEvent> pointer_;
    float pointerX_ = -FLT_MAX, pointerY_ = -FLT_MAX;
    bool pointerDown_ = false;

    std::chrono::steady_clock::duration offset_{0};  // the Session clock runs ahead by this
    SteadyTime lastFrameAt_{};
    ViewSignature lastSignature_;
    int settle_ = kSettleFramesAfterInput + 1;  // the first frames build fonts and windows
    bool frameRequested_ = true;
    std::uint64_t frames_ = 0;
    int fbWidth_ = 0, fbHeight_ = 0;
    bool stopped_ = false;
    int exitCode_ = 0;
};

bool Loop::init() {
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        log::error("ui", std::string("SDL_Init: ") + SDL_GetError());
        return false;
    }
    // A kiosk screen never blanks by itself (the screensaver is the OS session's business).
    SDL_DisableScreenSaver();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

    int w = options_.portrait ? 1080 : 1920;
    int h = options_.portrait ? 1920 : 1080;
    w = static_cast<int>(std::lround(w * options_.scale));
    h = static_cast<int>(std::lround(h * options_.scale));
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
    if (options_.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    window_ = SDL_CreateWindow(options_.title.c_str(), SDL_WINDOWPOS_CENTERED,
                               SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!window_) {
        log::error("ui", std::string("SDL_CreateWindow: ") + SDL_GetError());
        return false;
    }
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) {
        log::error("ui", std::string("OpenGL 3.0 context: ") + SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    if (options_.fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a touch kiosk shows no pointer

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no layout files: the kiosk writes nothing it does not need
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 130");
    imguiReady_ = true;

    int ww = 0, wh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    Metrics m = Metrics::forWindow(static_cast<float>(ww), static_cast<float>(wh));
    if (!ensureFonts(m.unit)) return false;

    waiter_ = std::make_shared<EventWaiter>();
    session_.setWakeCallback([waiter = waiter_] { waiter->wake(); });
    const EventWaiter* waiter = waiter_.get();
    log::info("ui", std::string("video driver ") + SDL_GetCurrentVideoDriver() + ", window " +
                        std::to_string(ww) + "x" + std::to_string(wh) +
                        (waiter->usesSdlWait() ? "" : ", in-process event wait"));
    return true;
}

bool Loop::ensureFonts(float unit) {
    if (fontsBuilt_ && std::fabs(unit - fonts_.unit()) < 0.01f) return true;
    // The renderer makes its font texture on its first NewFrame; after that, a rebuilt atlas
    // (the window changed size) must replace it.
    if (frames_ > 0) ImGui_ImplOpenGL3_DestroyFontsTexture();
    std::string error;
    if (!fonts_.build(unit, defaultFontDirs(options_.assetsDir), error)) {
        log::error("ui", error);
        return false;
    }
    fontsBuilt_ = true;
    applyImGuiStyle(Metrics::forWindow(1080.0f * unit, 1080.0f * unit));
    if (frames_ > 0) ImGui_ImplOpenGL3_CreateFontsTexture();
    return true;
}

void Loop::shutdown() {
    // Workers may still finish after the loop: they must not post into a dead SDL.
    session_.setWakeCallback({});
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void Loop::tap(float x, float y) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = SDL_GetWindowID(window_);
    e.button.which = SDL_TOUCH_MOUSEID;  // what SDL reports for a finger on a touch screen
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = static_cast<Sint32>(std::lround(x));
    e.button.y = static_cast<Sint32>(std::lround(y));
    waiter_->push(e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    waiter_->push(e);
}

void Loop::handleEvent(const SDL_Event& e) {
    if (e.type == waiter_->wakeEventType()) {
        waiter_->wakeSeen();  // the Session has results; update() applies them
        return;
    }
    bool input = false;
    switch (e.type) {
        case SDL_QUIT: stop(0); return;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                e.window.event == SDL_WINDOWEVENT_SHOWN)
                settle_ = std::max(settle_, 2);
            ImGui_ImplSDL2_ProcessEvent(&e);
            return;
        // The pointer is replayed from our own queue, one button change per frame, so a tap
        // shorter than a frame (down and up in one batch, as from a touch screen or a script)
        // still reaches ImGui as press-then-release. ImGui 1.86's SDL backend would read the
        // button from SDL's polled state instead, which synthesised events never change.
        case SDL_MOUSEMOTION:
            if (!pointer_.empty() && pointer_.back().kind == PointerEvent::Kind::Move)
                pointer_.back() = {PointerEvent::Kind::Move, float(e.motion.x), float(e.motion.y)};
            else
                pointer_.push_back({PointerEvent::Kind::Move, float(e.motion.x), float(e.motion.y)});
            input = true;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.button != SDL_BUTTON_LEFT) return;
            pointer_.push_back({e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down
                                                              : PointerEvent::Kind::Up,
                                float(e.button.x), float(e.button.y)});
            // A lifted finger leaves nothing hovered (no "stuck" highlight on touch screens).
            if (e.type == SDL_MOUSEBUTTONUP && e.button.which == SDL_TOUCH_MOUSEID)
                pointer_.push_back({PointerEvent::Kind::Leave, 0, 0});
            input = true;
            break;
        case SDL_MOUSEWHEEL:
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
            ImGui_ImplSDL2_ProcessEvent(&e);
            input = true;
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
            input = true;  // SDL also sends these as mouse events; only count the activity
            break;
        default: return;
    }
    if (input) {
        session_.noteActivity(sessionNow());
        // Pointer changes are paced by the queue; other input gets its settle frames here.
        if (pointer_.empty()) settle_ = std::max(settle_, kSettleFramesAfterInput);
    }
}

void Loop::applyPointer() {
    while (!pointer_.empty()) {
        PointerEvent p = pointer_.front();
        pointer_.pop_front();
        switch (p.kind) {
            case PointerEvent::Kind::Move:
                pointerX_ = p.x;
                pointerY_ = p.y;
                continue;  // moves coalesce with what follows
            case PointerEvent::Kind::Down:
            case PointerEvent::Kind::Up:
                pointerX_ = p.x;
                pointerY_ = p.y;
                pointerDown_ = p.kind == PointerEvent::Kind::Down;
                break;
            case PointerEvent::Kind::Leave:
                // The next touch is already queued: go straight to it (fast typing).
                if (!pointer_.empty() && pointer_.front().kind == PointerEvent::Kind::Down) continue;
                pointerX_ = pointerY_ = -FLT_MAX;
                pointerDown_ = false;
                break;
        }
        settle_ = std::max(settle_, 1);
        return;  // one button change per frame
    }
}

ViewSignature Loop::signature() const {
    ViewSignature s;
    s.screen = session_.screen();
    s.phase = session_.lookupPhase();
    s.language = session_.language();
    s.code = session_.codeInput();
    s.error = session_.errorKey();
    s.dossier = session_.dossier();
    s.maintenance = session_.maintenance().size();
    s.reachable = session_.gatewayReachable();
    s.idleLeft = session_.idleSecondsLeft(sessionNow()).value_or(-1);
    s.minute = wallMinute();
    if (const CatalogFlow* c = session_.catalog()) s.catalog = c->revision();
    return s;
}

void Loop::renderFrame(SteadyTime realNow) {
    int ww = 0, wh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    Metrics metrics = Metrics::forWindow(static_cast<float>(ww), static_cast<float>(wh));
    if (!ensureFonts(metrics.unit)) {
        stop(1);
        return;
    }
    applyPointer();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(pointerX_, pointerY_);
    io.MouseDown[0] = pointerDown_;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
    ImGui::NewFrame();

    const ViewSignature before = signature();
    record_.clear();
    UiContext ctx{session_, translations_, fonts_, record_, metrics,
                  static_cast<float>(ww), static_cast<float>(wh), wh >= ww, sessionNow(),
                  options_.centreName, options_.kioskId};
    drawKioskFrame(ctx);
    ImGui::Render();

    SDL_GL_GetDrawableSize(window_, &fbWidth_, &fbHeight_);
    glViewport(0, 0, fbWidth_, fbHeight_);
    glClearColor(palette::background.r / 255.0f, palette::background.g / 255.0f,
                 palette::background.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    for (auto* o : observers_) o->beforePresent(*this);
    SDL_GL_SwapWindow(window_);

    ++frames_;
    lastFrameAt_ = realNow;
    frameRequested_ = false;
    if (settle_ > 0) --settle_;
    lastSignature_ = signature();
    // A tap in this frame called an intent: draw again so the screen shows its effect.
    if (!(lastSignature_ == before)) settle_ = std::max(settle_, 1);
    for (auto* o : observers_) o->afterPresent(*this);
}

std::optional<SteadyTime> Loop::nextWake(SteadyTime realNow) const {
    std::optional<SteadyTime> next;
    auto earliest = [&](SteadyTime t) {
        if (!next || t < *next) next = t;
    };
    // Session deadlines are on its (possibly shifted) clock.
    if (auto d = session_.nextDeadline(sessionNow())) earliest(*d - offset_);
    // The header clock: the next minute.
    {
        using namespace std::chrono;
        auto sysNow = system_clock::now();
        auto nextMinute = ceil<minutes>(sysNow + 1ms);
        earliest(realNow + duration_cast<steady_clock::duration>(nextMinute - sysNow));
    }
    if (animating()) earliest(lastFrameAt_ + kAnimationFrame);
    for (auto* o : observers_)
        if (auto t = o->wakeAt()) earliest(*t);
    return next;
}

int Loop::run() {
    if (!init()) {
        shutdown();
        return 1;
    }
    while (!stopped_) {
        SteadyTime realNow = std::chrono::steady_clock::now();
        std::optional<std::chrono::milliseconds> timeout;
        if (settle_ > 0 || !pointer_.empty() || frameRequested_) {
            timeout = 0ms;
        } else if (auto wake = nextWake(realNow)) {
            auto wait = std::chrono::ceil<std::chrono::milliseconds>(*wake - realNow);
            timeout = std::max(wait, 0ms);
        }
        SDL_Event e;
        if (waiter_->wait(e, timeout)) {
            handleEvent(e);
            while (!stopped_ && SDL_PollEvent(&e)) handleEvent(e);
        }
        if (stopped_) break;

        realNow = std::chrono::steady_clock::now();
        const TimePoint now = sessionNow();
        if (session_.update(now)) settle_ = std::max(settle_, 2);

        bool draw = settle_ > 0 || !pointer_.empty() || frameRequested_ ||
                    (animating() && realNow >= lastFrameAt_ + kAnimationFrame - 2ms) ||
                    !(signature() == lastSignature_);
        if (draw) renderFrame(realNow);
        for (auto* o : observers_) {
            if (stopped_) break;
            o->afterIteration(*this);
        }
    }
    shutdown();
    return exitCode_;
}

}  // namespace

int runAppLoop(Session& session, const Translations& translations, const AppLoopOptions& options,
               const std::vector<LoopObserver*>& observers) {
    Loop loop(session, translations, options, observers);
    return loop.run();
}

}  // namespace dvc::ui
