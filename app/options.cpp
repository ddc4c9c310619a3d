#include "options.h"

#include <charconv>
#include <string_view>

namespace dvc::app {

const char* usageText() {
    return "usage: dvc-kiosk [--config FILE] [--windowed] [--portrait|--landscape] [--scale F]\n"
           "                 [--script FILE] [--screenshot-dir DIR] [--exit-after-first-frame]\n"
           "\n"
           "  --config FILE            kiosk.toml (default: ./config/kiosk.toml, else\n"
           "                           /etc/dvc-kiosk/kiosk.toml)\n"
           "  --windowed               a window instead of full screen (development, tests)\n"
           "  --portrait, --landscape  window shape (default: display.orientation)\n"
           "  --scale F                windowed size factor, 0.25-2 (1080x1920 at 1)\n"
           "  --script FILE            drive the screen from a script (tests, demos)\n"
           "  --screenshot-dir DIR     where script screenshots are written\n"
           "  --exit-after-first-frame print 'first-frame <ms since process start>' and exit\n"
           "  --help                   this text\n";
}

Result<Options, std::string> parseOptions(int argc, const char* const* argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::string_view inlineValue;
        bool hasInline = false;
        if (arg.rfind("--", 0) == 0) {
            if (auto eq = arg.find('='); eq != std::string_view::npos) {
                inlineValue = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                hasInline = true;
            }
        }
        auto value = [&](std::string_view& out) -> bool {
            if (hasInline) {
                out = inlineValue;
                return true;
            }
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        auto takesNoValue = [&]() { return !hasInline; };
        std::string_view v;
        if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--config") {
            if (!value(v) || v.empty()) return fail(std::string("--config needs a file"));
            o.config = std::filesystem::path(v);
        } else if (arg == "--windowed" && takesNoValue()) {
            o.windowed = true;
        } else if (arg == "--portrait" && takesNoValue()) {
            o.portrait = true;
        } else if (arg == "--landscape" && takesNoValue()) {
            o.portrait = false;
        } else if (arg == "--scale") {
            if (!value(v)) return fail(std::string("--scale needs a number"));
            float f = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), f);
            if (ec != std::errc() || end != v.data() + v.size() || !(f >= 0.25f && f <= 2.0f))
                return fail("--scale: '" + std::string(v) + "' is not a number from 0.25 to 2");
            o.scale = f;
        } else if (arg == "--script") {
            if (!value(v) || v.empty()) return fail(std::string("--script needs a file"));
            o.script = std::filesystem::path(v);
        } else if (arg == "--screenshot-dir") {
            if (!value(v) || v.empty()) return fail(std::string("--screenshot-dir needs a folder"));
            o.screenshotDir = std::filesystem::path(v);
        } else if (arg == "--exit-after-first-frame" && takesNoValue()) {
            o.exitAfterFirstFrame = true;
        } else {
            return fail("unknown argument '" + std::string(argv[i]) + "'");
        }
    }
    return o;
}

}  // namespace dvc::app
