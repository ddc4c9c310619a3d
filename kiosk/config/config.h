#pragma once
#include <filesystem>
#include <string>

#include "common/bilingual.h"
#include "common/result.h"

namespace dvc {

enum class DeviceBackend { Real, Sim, None };
enum class Orientation { Portrait, Landscape };

struct BackendConfig {
    std::string url = "https://127.0.0.1:8443";
    std::filesystem::path caFile;      // PEM bundle the gateway's certificate must chain to
    std::filesystem::path clientCert;  // optional mutual TLS
    std::filesystem::path clientKey;
    int connectTimeoutMs = 3000;
    int requestTimeoutMs = 8000;
};

struct DevicesConfig {
    DeviceBackend qr = DeviceBackend::Sim;
    DeviceBackend cardReader = DeviceBackend::Sim;
    DeviceBackend printer = DeviceBackend::Sim;
    DeviceBackend scanner = DeviceBackend::Sim;
    std::filesystem::path qrSimInbox;  // the simulated camera "sees" files dropped here
    std::string qrDevice = "v4l2:/dev/video0";  // for qr = "real": v4l2:PATH | serial:PATH[@BAUD]
    std::filesystem::path cardSimInbox;  // card_reader = "sim": "<persona>.card" files dropped here
    std::string cardReaderName;          // card_reader = "real": substring of the PC/SC reader name
    std::filesystem::path cscaStore;     // CSCA certificates (file or folder) for passive authentication
    // printer = "real" | "usb" | "usb:VID:PID" | "tcp:HOST[:PORT]" | "file:PATH" gives Real and
    // the device string here ("real" is "usb": the first USB printer); "sim": a dvc-printer-sim
    // at printerSim; "none": no printer (tickets are shown on screen only).
    std::string printerDevice = "usb";
    std::string printerSim = "127.0.0.1:9100";  // printer = "sim": HOST:PORT of dvc-printer-sim
    int printerWidth = 576;                     // dots: 384 (58 mm paper) | 576 (80 mm paper)
};

struct DisplayConfig {
    bool fullscreen = true;
    Orientation orientation = Orientation::Portrait;
};

struct KioskConfig {
    std::string kioskId = "KIOSK-DEV-001";
    std::string centreName = "Trung tâm Phục vụ hành chính công";
    Language language = Language::Vietnamese;
    int idleTimeoutSeconds = 60;    // no input for this long starts the countdown
    int idleCountdownSeconds = 10;  // then this long before the session is wiped
    int heartbeatSeconds = 60;
    int catalogSyncSeconds = 900;  // [kiosk] catalog_sync_s: catalogue delta sync period
    BackendConfig backend;
    DevicesConfig devices;
    DisplayConfig display;
    std::filesystem::path assetsDir;
    std::filesystem::path logFile;
    // The procedure catalogue cache (SQLite); [paths] catalog_db.
    std::filesystem::path catalogDb = "/var/lib/dvc-kiosk/catalog.db";
    // The outbox of submissions (SQLite, docs/outbox.md); [paths] outbox_db. Its encryption key
    // ([paths] outbox_key) defaults to outbox.key in the same folder.
    std::filesystem::path outboxDb = "/var/lib/dvc-kiosk/outbox.db";
    std::filesystem::path outboxKey;
};

// Where and why a config file was refused: "kiosk.toml:7:1: backend.url: must start with https://".
struct ConfigError {
    std::string file;
    int line = 0;
    int column = 0;
    std::string key;
    std::string message;
    std::string toString() const;
};

// Parses TOML text; relative paths are taken relative to baseDir (the file's folder).
Result<KioskConfig, ConfigError> parseConfig(const std::string& text, const std::string& fileName,
                                             const std::filesystem::path& baseDir);
Result<KioskConfig, ConfigError> loadConfig(const std::filesystem::path& file);

}  // namespace dvc
