#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dvc {

// Dossier codes of the one-stop systems: AGENCY-YYMMDD-NNNN, e.g. "000.00.19.H42-261123-0001"
// (agency code in dot-separated segments, received date, sequence of 4–6 digits).
bool isValidDossierCode(std::string_view code);

// Trims, upper-cases and accepts the usual ways a code arrives (receipt QR with a URL or
// "MaHoSo:" prefix, spaces). Returns nullopt if no valid code is in the text.
std::optional<std::string> extractDossierCode(std::string_view text);

// The code without its sequence number, for logs: "000.00.19.H42-261123-****".
std::string redactDossierCode(std::string_view code);

}  // namespace dvc
