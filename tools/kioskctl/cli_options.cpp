#include "cli_options.h"

#include <filesystem>

namespace dvc::kioskctl {

const char* usageText() {
    return "usage: dvc-kioskctl [--config FILE] [--gateway URL] [--ca FILE] [--db FILE] COMMAND "
           "[--json]\n"
           "\n"
           "commands:\n"
           "  status lookup CODE   look a dossier up by its code (e.g. 000.00.19.H42-261123-0001)\n"
           "  qr decode IMAGE      decode a QR code in a PNG/JPEG photo as the kiosk's camera would\n"
           "  card read [--reader NAME] [--mrz DOCNO,YYMMDD,YYMMDD | --can NNNNNN] [--csca FILE|DIR]\n"
           "            [--extended]  read and verify a CCCD chip on a PC/SC reader\n"
           "  catalog sync         bring the catalogue cache up to date (delta by version/ETag)\n"
           "  catalog search QUERY [--limit N]\n"
           "                       search the cached catalogue as the screen does, best first\n"
           "  printer list         USB printers found by libusb (VID:PID)\n"
           "  printer test [--device usb:VID:PID|tcp:HOST:PORT|file:PATH] [--width 384|576]\n"
           "  printer status [--device ...]\n"
           "  queue ticket --service ID [--device ...] [--width 384|576]\n"
           "\n"
           "exit codes: 0 found/ok, 2 usage, 3 not found, 4 gateway unreachable or TLS refused,\n"
           "            5 bad answer from the gateway, 6 printer not found, 7 printer fault,\n"
           "            8 printer timeout or I/O error, 10 no QR code in the image,\n"
           "            11 card access denied, 12 card removed, 13 card not verified, 14 no card,\n"
           "            15 no reader, 1 other failure\n";
}

Result<CliOptions, std::string> parseCli(int argc, char** argv) {
    CliOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](std::optional<std::string>& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        if (arg == "--json") o.json = true;
        else if (arg == "-h" || arg == "--help") o.help = true;
        else if (arg == "--config") {
            if (!value(o.configFile)) return fail(std::string("--config needs a FILE"));
        } else if (arg == "--gateway") {
            if (!value(o.gatewayUrl)) return fail(std::string("--gateway needs a URL"));
        } else if (arg == "--ca") {
            if (!value(o.caFile)) return fail(std::string("--ca needs a FILE"));
        } else if (arg == "--reader") {
            if (!value(o.reader)) return fail(std::string("--reader needs a NAME"));
        } else if (arg == "--mrz") {
            if (!value(o.mrz)) return fail(std::string("--mrz needs DOCNO,YYMMDD,YYMMDD"));
        } else if (arg == "--can") {
            if (!value(o.can)) return fail(std::string("--can needs 6 digits"));
        } else if (arg == "--csca") {
            if (!value(o.csca)) return fail(std::string("--csca needs a FILE or DIR"));
        } else if (arg == "--extended") {
            o.extended = true;
        } else if (arg == "--db") {
            if (!value(o.dbFile)) return fail(std::string("--db needs a FILE"));
        } else if (arg == "--limit") {
            std::optional<std::string> text;
            if (!value(text)) return fail(std::string("--limit needs a number"));
            int n = 0;
            for (char c : *text) n = (c >= '0' && c <= '9' && n < 100000) ? n * 10 + (c - '0') : -1;
            if (text->empty() || n < 1 || n > 1000)
                return fail(std::string("--limit must be a number from 1 to 1000"));
            o.limit = n;
        } else if (arg == "--device") {
            if (!value(o.device)) return fail(std::string("--device needs usb:VID:PID, tcp:HOST:PORT or file:PATH"));
        } else if (arg == "--width") {
            if (!value(o.width)) return fail(std::string("--width needs 384 or 576"));
        } else if (arg == "--service") {
            if (!value(o.service)) return fail(std::string("--service needs a service ID"));
        } else if (arg.starts_with("--")) {
            return fail("unknown option " + arg);
        } else {
            o.words.push_back(arg);
        }
    }
    return o;
}

Result<KioskConfig, std::string> effectiveConfig(const CliOptions& options) {
    KioskConfig config;
    std::optional<std::filesystem::path> file;
    if (options.configFile) file = *options.configFile;
    else if (std::filesystem::exists("/etc/dvc-kiosk/kiosk.toml")) file = "/etc/dvc-kiosk/kiosk.toml";
    if (file) {
        auto loaded = loadConfig(*file);
        if (!loaded) return fail(loaded.error().toString());
        config = loaded.value();
    }
    if (options.gatewayUrl) {
        if (options.gatewayUrl->rfind("https://", 0) != 0)
            return fail(std::string("--gateway must be an https:// URL"));
        config.backend.url = *options.gatewayUrl;
    }
    if (options.caFile) config.backend.caFile = std::filesystem::absolute(*options.caFile);
    return config;
}

}  // namespace dvc::kioskctl
