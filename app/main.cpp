// dvc-kiosk: wires the concrete pieces (HTTPS portal client, QR source, worker pool) to the
// Session and the touch screen. Nothing else in the tree knows which drivers are in use.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app_loop.h"
#include "config/config.h"
#include "https_portal_client.h"
#include "i18n/translations.h"
#include "log/log.h"
#include "options.h"
#include "process_clock.h"
#include "script_runner.h"
#include "session/session.h"
#include "session/worker_pool.h"
#include "catalog_wiring.h"
#include "chip_reading.h"
#include "printer_wiring.h"
#include "dossier_wiring.h"
#include "qr_source_factory.h"

namespace fs = std::filesystem;

namespace {

fs::path defaultConfigPath() {
    std::error_code ec;
    fs::path local = fs::path("config") / "kiosk.toml";
    if (fs::is_regular_file(local, ec)) return local;
    return "/etc/dvc-kiosk/kiosk.toml";
}

// The config's paths.assets, else the source tree's assets (running from a build tree),
// else the installed location.
fs::path findAssets(const dvc::KioskConfig& cfg) {
    std::error_code ec;
    if (!cfg.assetsDir.empty()) return cfg.assetsDir;
    fs::path source = DVC_SOURCE_ASSETS;
    if (fs::is_directory(source / "i18n", ec)) return source;
    return "/usr/share/dvc-kiosk";
}

// Prints "dvc-kiosk ready" once the first frame is on screen; with --exit-after-first-frame
// also "first-frame <ms>" and stops (the start-up benchmark).
class FirstFrameProbe final : public dvc::ui::LoopObserver {
public:
    explicit FirstFrameProbe(bool exitAfter) : exitAfter_(exitAfter) {}
    void afterPresent(dvc::ui::LoopControl& loop) override {
        if (done_) return;
        done_ = true;
        long long ms = dvc::app::millisSinceProcessStart();
        std::cout << "dvc-kiosk ready" << std::endl;
        if (exitAfter_) {
            std::cout << "first-frame " << ms << std::endl;
            loop.stop(0);
        }
    }

private:
    bool exitAfter_;
    bool done_ = false;
};

}  // namespace

int main(int argc, char** argv) {
    auto parsed = dvc::app::parseOptions(argc, argv);
    if (!parsed) {
        std::cerr << "dvc-kiosk: " << parsed.error() << "\n" << dvc::app::usageText();
        return 2;
    }
    const dvc::app::Options& opts = parsed.value();
    if (opts.help) {
        std::cout << dvc::app::usageText();
        return 0;
    }

    const fs::path configPath = opts.config ? *opts.config : defaultConfigPath();
    auto loaded = dvc::loadConfig(configPath);
    if (!loaded) {
        std::cerr << loaded.error().toString() << std::endl;
        return 2;
    }
    const dvc::KioskConfig& cfg = loaded.value();
    if (!cfg.logFile.empty()) dvc::log::setFile(cfg.logFile);

    const fs::path assets = findAssets(cfg);
    auto translations = dvc::Translations::load(assets / "i18n");
    if (!translations) {
        std::cerr << "dvc-kiosk: UI texts: " << translations.error() << std::endl;
        return 1;
    }

    std::optional<dvc::app::ScriptRunner> script;
    if (opts.script) {
        fs::path shots = opts.screenshotDir ? *opts.screenshotDir : fs::current_path();
        auto s = dvc::app::ScriptRunner::load(*opts.script, shots, cfg.devices.qrSimInbox);
        if (!s) {
            std::cerr << s.error() << std::endl;
            return 2;
        }
        script.emplace(std::move(s).value());
    }

    // Order matters: the pool is declared after what its tasks use, so it is destroyed (and
    // its queued work finished) first.
    dvc::HttpsPortalClient portal(cfg.backend, cfg.kioskId);
    std::unique_ptr<dvc::QrSource> qr;
    if (cfg.devices.qr == dvc::DeviceBackend::Sim) {
        std::error_code ec;
        fs::create_directories(cfg.devices.qrSimInbox, ec);
    }
    if (auto source = dvc::makeQrSource(cfg.devices)) {
        qr = std::move(source).value();
    } else {
        // The kiosk still starts: "Quét mã QR" shows the device-error message with a way on.
        dvc::log::error("qr", "QR source not available: " + source.error());
    }
    auto chipReading = dvc::app::makeChipReading(cfg, assets);
    dvc::app::DossierWiring dossiers(cfg, assets);  // outbox + delivery, before the pool
    auto catalog = dvc::app::openCatalog(cfg, portal);  // before the pool: its tasks use it
    std::unique_ptr<dvc::TicketPrinter> printer;  // outlives the pool's tasks
    dvc::WorkerPool pool(2);

    dvc::SessionSettings settings;
    settings.kioskId = cfg.kioskId;
    settings.defaultLanguage = cfg.language;
    settings.idleTimeout = std::chrono::seconds(cfg.idleTimeoutSeconds);
    settings.idleCountdown = std::chrono::seconds(cfg.idleCountdownSeconds);
    settings.heartbeatInterval = std::chrono::seconds(cfg.heartbeatSeconds);
    dvc::Session session(settings, portal, pool, qr.get(), chipReading.identity.get());
    dossiers.attachTo(session);
    if (script) script->setDossierStarter([&session](const std::string& code) { session.startDossier(code); });
    dvc::app::attachCatalog(session, catalog, cfg);
    printer = dvc::app::attachTicketPrinter(session, cfg);

    dvc::ui::AppLoopOptions ui;
    ui.fullscreen = cfg.display.fullscreen && !opts.windowed;
    ui.portrait = opts.portrait.value_or(cfg.display.orientation == dvc::Orientation::Portrait);
    ui.scale = opts.scale;
    ui.centreName = cfg.centreName;
    ui.kioskId = cfg.kioskId;
    ui.assetsDir = assets;

    FirstFrameProbe probe(opts.exitAfterFirstFrame);
    std::vector<dvc::ui::LoopObserver*> observers{&probe};
    if (script) observers.push_back(&*script);
    return dvc::ui::runAppLoop(session, translations.value(), ui, observers);
}
