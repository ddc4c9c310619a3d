#include "qr_command.h"

#include <stb_image.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "domain/dossier_code.h"
#include "exit_codes.h"
#include "identity/cccd_qr.h"
#include "qr_codec.h"

namespace dvc::kioskctl {

namespace {

using nlohmann::json;

json cccdFields(const CccdQrData& d) {
    return {{"personal_number", d.personalNumber},
            {"old_id_number", d.oldIdNumber},
            {"full_name", d.fullName},
            {"date_of_birth", d.dateOfBirth.iso},
            {"gender", d.gender == Gender::Male ? "Nam" : "Nữ"},
            {"residence", d.residence},
            {"issue_date", d.issueDate.iso},
            {"field_count", 7 + d.extraFields.size()}};
}

}  // namespace

int qrDecode(const std::string& imagePath, bool asJson) {
    int w = 0, h = 0, channels = 0;
    if (!stbi_info(imagePath.c_str(), &w, &h, &channels)) {
        if (asJson)
            std::printf("%s\n",
                        json{{"decoded", false}, {"error", "not_an_image"}, {"image", imagePath}}
                            .dump()
                            .c_str());
        std::fprintf(stderr, "dvc-kioskctl: %s: missing or not a PNG/JPEG/BMP image\n",
                     imagePath.c_str());
        return kFailure;
    }
    auto text = decodeQrImageFile(imagePath);
    if (!text) {
        if (asJson)
            std::printf("%s\n", json{{"decoded", false},
                                     {"error", "no_qr_code"},
                                     {"image", imagePath},
                                     {"width", w},
                                     {"height", h}}
                                    .dump()
                                    .c_str());
        else
            std::printf("no QR code found in %s (%dx%d)\n", imagePath.c_str(), w, h);
        return kNoQrCode;
    }
    json out{{"decoded", true}, {"text", *text}};
    auto cccd = parseCccdQr(*text);
    if (cccd) {
        out["kind"] = "cccd";
        out["cccd"] = cccdFields(*cccd);
    } else if (auto code = extractDossierCode(*text)) {
        out["kind"] = "dossier_code";
        out["dossier_code"] = *code;
    } else {
        out["kind"] = "other";
    }
    if (!cccd)
        out["cccd_error"] = errorName(cccd.error());  // why the kiosk would not take it as a card
    if (asJson) {
        std::printf("%s\n", out.dump().c_str());
        return kOk;
    }
    std::printf("kind: %s\n", out["kind"].get<std::string>().c_str());
    std::printf("text: %s\n", text->c_str());
    if (cccd) {
        for (const auto& [key, value] : out["cccd"].items())
            std::printf(
                "%s: %s\n", key.c_str(),
                value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
    } else {
        if (out.contains("dossier_code"))
            std::printf("dossier_code: %s\n", out["dossier_code"].get<std::string>().c_str());
        std::printf("cccd_error: %s\n", out["cccd_error"].get<std::string>().c_str());
    }
    return kOk;
}

}  // namespace dvc::kioskctl
