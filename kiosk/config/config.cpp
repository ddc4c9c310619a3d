#include "config/config.h"

#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "printing/printer_device_spec.h"

namespace dvc {

namespace {

struct Reader {
    const std::string& fileName;
    std::filesystem::path baseDir;
    std::optional<ConfigError> error;

    void failAt(const toml::source_region& where, std::string key, std::string message) {
        if (error) return;
        error = ConfigError{fileName, static_cast<int>(where.begin.line),
                            static_cast<int>(where.begin.column), std::move(key),
                            std::move(message)};
    }

    // Rejects keys we do not know, so a typo never silently falls back to a default.
    void onlyKeys(const toml::table& table, const std::string& prefix,
                  std::initializer_list<std::string_view> known) {
        for (const auto& [k, node] : table) {
            bool ok = false;
            for (auto name : known) ok = ok || k.str() == name;
            if (!ok) failAt(node.source(), prefix + std::string(k.str()), "unknown key");
        }
    }

    const toml::table* section(const toml::table& root, std::string_view name) {
        const toml::node* node = root.get(name);
        if (!node) return nullptr;
        if (!node->is_table()) failAt(node->source(), std::string(name), "must be a table");
        return node->as_table();
    }

    void string(const toml::table* t, const std::string& prefix, std::string_view key,
                std::string& out) {
        if (!t) return;
        const toml::node* node = t->get(key);
        if (!node) return;
        if (auto v = node->value<std::string>()) out = *v;
        else failAt(node->source(), prefix + std::string(key), "must be a string");
    }

    void path(const toml::table* t, const std::string& prefix, std::string_view key,
              std::filesystem::path& out) {
        std::string s;
        string(t, prefix, key, s);
        if (s.empty()) return;
        std::filesystem::path p(s);
        out = p.is_absolute() ? p : baseDir / p;
    }

    void integer(const toml::table* t, const std::string& prefix, std::string_view key, int& out,
                 int min, int max) {
        if (!t) return;
        const toml::node* node = t->get(key);
        if (!node) return;
        auto v = node->value_exact<int64_t>();
        if (!v) return failAt(node->source(), prefix + std::string(key), "must be an integer");
        if (*v < min || *v > max)
            return failAt(node->source(), prefix + std::string(key),
                          "must be between " + std::to_string(min) + " and " + std::to_string(max));
        out = static_cast<int>(*v);
    }

    void boolean(const toml::table* t, const std::string& prefix, std::string_view key, bool& out) {
        if (!t) return;
        const toml::node* node = t->get(key);
        if (!node) return;
        if (auto v = node->value_exact<bool>()) out = *v;
        else failAt(node->source(), prefix + std::string(key), "must be true or false");
    }

    template <class E>
    void choice(const toml::table* t, const std::string& prefix, std::string_view key, E& out,
                std::initializer_list<std::pair<std::string_view, E>> options) {
        if (!t) return;
        const toml::node* node = t->get(key);
        if (!node) return;
        auto v = node->value<std::string>();
        std::string allowed;
        for (const auto& [name, value] : options) {
            if (v && *v == name) {
                out = value;
                return;
            }
            allowed += (allowed.empty() ? "" : ", ") + std::string(name);
        }
        failAt(node->source(), prefix + std::string(key), "must be one of: " + allowed);
    }
};

// [devices] printer: the backend words, or a device string (printer_device_spec.h).
void readPrinter(Reader& r, const toml::table* devices, DevicesConfig& out) {
    if (!devices) return;
    if (const toml::node* node = devices->get("printer")) {
        auto v = node->value<std::string>();
        if (!v) {
            r.failAt(node->source(), "devices.printer", "must be a string");
        } else if (*v == "none") {
            out.printer = DeviceBackend::None;
        } else if (*v == "sim") {
            out.printer = DeviceBackend::Sim;
        } else if (*v == "real") {
            out.printer = DeviceBackend::Real;
            out.printerDevice = "usb";
        } else if (auto spec = parsePrinterDevice(*v)) {
            out.printer = DeviceBackend::Real;
            out.printerDevice = *v;
        } else {
            r.failAt(node->source(), "devices.printer",
                     "must be \"none\", \"sim\", \"real\", \"usb\", \"usb:VID:PID\", "
                     "\"tcp:HOST:PORT\" or \"file:PATH\" (" +
                         spec.error() + ")");
        }
    }
    r.string(devices, "devices.", "printer_sim", out.printerSim);
    if (const toml::node* node = devices->get("printer_sim"); node && !r.error) {
        if (auto spec = parseHostPort(out.printerSim); !spec)
            r.failAt(node->source(), "devices.printer_sim", spec.error());
    }
    if (const toml::node* node = devices->get("printer_width")) {
        auto v = node->value_exact<int64_t>();
        if (!v || (*v != 384 && *v != 576))
            r.failAt(node->source(), "devices.printer_width",
                     "must be 384 (58 mm paper) or 576 (80 mm paper)");
        else
            out.printerWidth = static_cast<int>(*v);
    }
}

}  // namespace

std::string ConfigError::toString() const {
    std::ostringstream out;
    out << file << ':' << line << ':' << column << ": ";
    if (!key.empty()) out << key << ": ";
    out << message;
    return out.str();
}

Result<KioskConfig, ConfigError> parseConfig(const std::string& text, const std::string& fileName,
                                             const std::filesystem::path& baseDir) {
    toml::table root;
    try {
        root = toml::parse(text, fileName);
    } catch (const toml::parse_error& e) {
        return fail(ConfigError{fileName, static_cast<int>(e.source().begin.line),
                                static_cast<int>(e.source().begin.column), "",
                                std::string(e.description())});
    }
    KioskConfig c;
    Reader r{fileName, baseDir, std::nullopt};
    r.onlyKeys(root, "", {"kiosk", "backend", "devices", "display", "paths"});

    const auto* kiosk = r.section(root, "kiosk");
    if (kiosk) {
        r.onlyKeys(*kiosk, "kiosk.",
                   {"id", "centre_name", "language", "idle_timeout_s", "idle_countdown_s",
                    "heartbeat_s", "catalog_sync_s"});
    }
    r.string(kiosk, "kiosk.", "id", c.kioskId);
    r.string(kiosk, "kiosk.", "centre_name", c.centreName);
    r.choice(kiosk, "kiosk.", "language", c.language,
             {{"vi", Language::Vietnamese}, {"en", Language::English}});
    r.integer(kiosk, "kiosk.", "idle_timeout_s", c.idleTimeoutSeconds, 15, 3600);
    r.integer(kiosk, "kiosk.", "idle_countdown_s", c.idleCountdownSeconds, 3, 60);
    r.integer(kiosk, "kiosk.", "heartbeat_s", c.heartbeatSeconds, 5, 3600);
    r.integer(kiosk, "kiosk.", "catalog_sync_s", c.catalogSyncSeconds, 30, 86400);

    const auto* backend = r.section(root, "backend");
    if (backend) {
        r.onlyKeys(*backend, "backend.",
                   {"url", "ca_file", "client_cert", "client_key", "connect_timeout_ms",
                    "request_timeout_ms"});
        r.string(backend, "backend.", "url", c.backend.url);
        if (!r.error && c.backend.url.rfind("https://", 0) != 0)
            r.failAt(backend->get("url")->source(), "backend.url",
                     "must start with https:// (the kiosk never talks plain HTTP)");
    }
    r.path(backend, "backend.", "ca_file", c.backend.caFile);
    r.path(backend, "backend.", "client_cert", c.backend.clientCert);
    r.path(backend, "backend.", "client_key", c.backend.clientKey);
    r.integer(backend, "backend.", "connect_timeout_ms", c.backend.connectTimeoutMs, 100, 60000);
    r.integer(backend, "backend.", "request_timeout_ms", c.backend.requestTimeoutMs, 100, 120000);

    const auto* devices = r.section(root, "devices");
    if (devices) {
        r.onlyKeys(*devices, "devices.",
                   {"qr", "card_reader", "printer", "scanner", "qr_sim_inbox", "qr_device",
                    "card_sim_inbox", "card_reader_name", "csca_store", "printer_sim",
                    "printer_width"});
    }
    auto backendChoice = [&](std::string_view key, DeviceBackend& out) {
        r.choice(devices, "devices.", key, out,
                 {{"real", DeviceBackend::Real}, {"sim", DeviceBackend::Sim},
                  {"none", DeviceBackend::None}});
    };
    backendChoice("qr", c.devices.qr);
    backendChoice("card_reader", c.devices.cardReader);
    readPrinter(r, devices, c.devices);
    backendChoice("scanner", c.devices.scanner);
    r.path(devices, "devices.", "qr_sim_inbox", c.devices.qrSimInbox);
    r.string(devices, "devices.", "qr_device", c.devices.qrDevice);
    r.path(devices, "devices.", "card_sim_inbox", c.devices.cardSimInbox);
    r.string(devices, "devices.", "card_reader_name", c.devices.cardReaderName);
    r.path(devices, "devices.", "csca_store", c.devices.cscaStore);
    if (!r.error && devices && devices->contains("qr_device") &&
        !c.devices.qrDevice.starts_with("v4l2:/") && !c.devices.qrDevice.starts_with("serial:/"))
        r.failAt(devices->get("qr_device")->source(), "devices.qr_device",
                 "expected \"v4l2:/dev/videoN\" or \"serial:/dev/ttyXXX[@BAUD]\"");

    const auto* display = r.section(root, "display");
    if (display) r.onlyKeys(*display, "display.", {"fullscreen", "orientation"});
    r.boolean(display, "display.", "fullscreen", c.display.fullscreen);
    r.choice(display, "display.", "orientation", c.display.orientation,
             {{"portrait", Orientation::Portrait}, {"landscape", Orientation::Landscape}});

    const auto* paths = r.section(root, "paths");
    if (paths) r.onlyKeys(*paths, "paths.", {"assets", "log_file", "catalog_db",
                                            "outbox_db", "outbox_key"});
    r.path(paths, "paths.", "assets", c.assetsDir);
    r.path(paths, "paths.", "log_file", c.logFile);
    r.path(paths, "paths.", "catalog_db", c.catalogDb);
    r.path(paths, "paths.", "outbox_db", c.outboxDb);
    r.path(paths, "paths.", "outbox_key", c.outboxKey);
    if (c.outboxKey.empty()) c.outboxKey = c.outboxDb.parent_path() / "outbox.key";

    if (r.error) return fail(*r.error);
    if (c.idleCountdownSeconds >= c.idleTimeoutSeconds)
        return fail(ConfigError{fileName, 0, 0, "kiosk.idle_countdown_s",
                                "must be shorter than kiosk.idle_timeout_s"});
    return c;
}

Result<KioskConfig, ConfigError> loadConfig(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return fail(ConfigError{file.string(), 0, 0, "", "cannot open the file"});
    std::stringstream text;
    text << in.rdbuf();
    return parseConfig(text.str(), file.string(), file.parent_path());
}

}  // namespace dvc
