#include "server/seed_loader.h"

#include <fstream>
#include <set>
#include <sstream>

#include "api/json_mapping.h"
#include "domain/dossier_code.h"
#include "server/clock.h"
#include "server/sqlite_db.h"

namespace dvc::gateway {

namespace {

using json = nlohmann::json;

// A validation failure inside one entry; the caller adds file and index.
struct SeedError {
    std::string message;
};

std::optional<json> readJsonFile(const std::filesystem::path& file, std::string& error) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = "cannot read " + file.string();
        return std::nullopt;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    try {
        return json::parse(buf.str());
    } catch (const json::exception& e) {
        error = file.string() + ": " + e.what();
        return std::nullopt;
    }
}

std::string stringField(const json& j, const char* key, bool required = true) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) throw SeedError{std::string("missing field '") + key + "'"};
        return {};
    }
    if (!it->is_string()) throw SeedError{std::string("field '") + key + "' must be a string"};
    return it->get<std::string>();
}

json stringArray(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return json::array();
    if (!it->is_array()) throw SeedError{std::string("field '") + key + "' must be an array"};
    for (const auto& e : *it)
        if (!e.is_string())
            throw SeedError{std::string("field '") + key + "' must hold only strings"};
    return *it;
}

bool isTwelveDigits(const std::string& s) {
    if (s.size() != 12) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

ProcedureRecord parseProcedure(const json& j) {
    if (!j.is_object()) throw SeedError{"entry must be an object"};
    ProcedureRecord rec;
    try {
        rec.summary = j.get<ProcedureSummary>();
    } catch (const json::exception& e) {
        throw SeedError{e.what()};
    }
    const auto& p = rec.summary;
    if (p.code.empty() || p.code.size() > 40) throw SeedError{"code must have 1–40 characters"};
    if (p.serviceLevel < 2 || p.serviceLevel > 4)
        throw SeedError{"service_level must be between 2 and 4"};
    if (p.timeLimitDays < 0) throw SeedError{"time_limit_days must not be negative"};
    if (p.feeVnd < 0) throw SeedError{"fee_vnd must not be negative"};
    if (p.version < 1) throw SeedError{"version must be at least 1"};

    json& d = rec.detail;
    for (const char* key : {"time_limit", "fee_text", "applicants", "conditions", "result"})
        d[key] = stringField(j, key, false);
    for (const char* key : {"steps", "submit_methods", "forms", "result_delivery", "legal_basis"})
        d[key] = stringArray(j, key);
    d["documents"] = json::array();
    if (auto docs = j.find("documents"); docs != j.end() && !docs->is_null()) {
        if (!docs->is_array()) throw SeedError{"field 'documents' must be an array"};
        for (const auto& doc : *docs) {
            if (!doc.is_object()) throw SeedError{"each document must be an object"};
            int originals = doc.value("originals", 0);
            int copies = doc.value("copies", 0);
            if (originals < 0 || copies < 0)
                throw SeedError{"document originals/copies must not be negative"};
            d["documents"].push_back(
                {{"name", stringField(doc, "name")}, {"originals", originals}, {"copies", copies}});
        }
    }
    return rec;
}

DossierRecord parseDossier(const json& j) {
    if (!j.is_object()) throw SeedError{"entry must be an object"};
    DossierRecord rec;
    auto& d = rec.status;
    d.code = stringField(j, "code");
    if (!isValidDossierCode(d.code)) throw SeedError{"code is not a valid dossier code"};
    d.procedureCode = stringField(j, "procedure_code");
    d.agency = stringField(j, "agency", false);
    d.applicantName = stringField(j, "applicant_name");
    rec.applicantId = stringField(j, "applicant_id");
    if (!isTwelveDigits(rec.applicantId)) throw SeedError{"applicant_id must be 12 digits"};
    rec.applicantDob = stringField(j, "applicant_dob");
    if (!isIsoDate(rec.applicantDob)) throw SeedError{"applicant_dob must be YYYY-MM-DD"};
    rec.applicantGender = stringField(j, "applicant_gender", false);
    if (!rec.applicantGender.empty() && rec.applicantGender != "nam" && rec.applicantGender != "nu")
        throw SeedError{"applicant_gender must be 'nam' or 'nu'"};
    d.receivedAt = stringField(j, "received_at");
    d.dueAt = stringField(j, "due_at");
    for (const auto* t : {&d.receivedAt, &d.dueAt})
        if (!parseIsoDateTime(*t)) throw SeedError{"received_at/due_at must be ISO 8601 times"};
    auto state = dossierStateFromApi(stringField(j, "status"));
    if (!state) throw SeedError{"unknown status"};
    d.state = *state;
    auto fin = stringField(j, "finished_at", false);
    if (!fin.empty()) {
        if (!parseIsoDateTime(fin)) throw SeedError{"finished_at must be null or an ISO time"};
        d.finishedAt = fin;
    }
    if (auto h = j.find("history"); h != j.end() && !h->is_null()) {
        try {
            h->get_to(d.history);
        } catch (const json::exception& e) {
            throw SeedError{std::string("history: ") + e.what()};
        }
        for (const auto& entry : d.history)
            if (!parseIsoDateTime(entry.at)) throw SeedError{"history 'at' must be an ISO time"};
    }
    return rec;
}

MaintenanceNotice parseNotice(const json& j) {
    MaintenanceNotice n;
    try {
        n = j.get<MaintenanceNotice>();
    } catch (const json::exception& e) {
        throw SeedError{e.what()};
    }
    if (!parseIsoDateTime(n.startsAt) || !parseIsoDateTime(n.endsAt))
        throw SeedError{"starts_at/ends_at must be ISO 8601 times"};
    return n;
}

// Parses every element of the array in `file` with parse; errors name file and index.
template <class T, class Parse, class Label>
Result<std::vector<T>, std::string> parseArray(const std::filesystem::path& file, Parse parse,
                                               Label label) {
    std::string error;
    auto doc = readJsonFile(file, error);
    if (!doc) return fail(error);
    if (!doc->is_array()) return fail(file.string() + ": expected a JSON array");
    std::vector<T> out;
    for (std::size_t i = 0; i < doc->size(); ++i) {
        try {
            out.push_back(parse((*doc)[i]));
        } catch (const SeedError& e) {
            return fail(file.filename().string() + "[" + std::to_string(i) + "]" +
                        label((*doc)[i]) + ": " + e.message);
        } catch (const json::exception& e) {
            return fail(file.filename().string() + "[" + std::to_string(i) + "]" +
                        label((*doc)[i]) + ": " + e.what());
        }
    }
    return out;
}

std::string procedureLabel(const json& j) {
    return (j.is_object() && j.contains("code") && j["code"].is_string())
               ? " (" + j["code"].get<std::string>() + ")"
               : "";
}

std::string dossierLabel(const json& j) {
    return (j.is_object() && j.contains("code") && j["code"].is_string())
               ? " (" + redactDossierCode(j["code"].get<std::string>()) + ")"
               : "";
}

std::string noLabel(const json&) {
    return {};
}

}  // namespace

Result<SeedData, std::string> loadSeedDir(const std::filesystem::path& dir,
                                          std::vector<std::string>* warnings) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return fail("seed directory " + dir.string() + " does not exist");
    SeedData data;

    auto procs =
        parseArray<ProcedureRecord>(dir / "procedures.json", parseProcedure, procedureLabel);
    if (!procs) return fail(procs.error());
    data.procedures = std::move(procs).value();

    std::set<std::string> procedureCodes;
    for (const auto& p : data.procedures)
        if (!procedureCodes.insert(p.summary.code).second)
            return fail("procedures.json: duplicate code " + p.summary.code);

    if (std::filesystem::exists(dir / "dossiers.json", ec)) {
        auto dossiers =
            parseArray<DossierRecord>(dir / "dossiers.json", parseDossier, dossierLabel);
        if (!dossiers) return fail(dossiers.error());
        data.dossiers = std::move(dossiers).value();
        std::set<std::string> codes;
        for (const auto& d : data.dossiers) {
            if (!codes.insert(d.status.code).second)
                return fail("dossiers.json: duplicate code " + redactDossierCode(d.status.code));
            if (warnings && !procedureCodes.count(d.status.procedureCode))
                warnings->push_back("dossier " + redactDossierCode(d.status.code) +
                                    " refers to unknown procedure " + d.status.procedureCode);
        }
    }

    if (std::filesystem::exists(dir / "maintenance_notices.json", ec)) {
        auto notices =
            parseArray<MaintenanceNotice>(dir / "maintenance_notices.json", parseNotice, noLabel);
        if (!notices) return fail(notices.error());
        data.notices = std::move(notices).value();
        std::set<std::string> ids;
        for (const auto& n : data.notices)
            if (!ids.insert(n.id).second)
                return fail("maintenance_notices.json: duplicate id " + n.id);
    }
    return data;
}

Result<SeedReport, std::string> seedOnce(GatewayStore& store, const std::filesystem::path& dir) {
    SeedReport report;
    try {
        if (store.isSeeded()) return report;
        auto data = loadSeedDir(dir, &report.warnings);
        if (!data) return fail(data.error());
        report.seeded = store.seed(*data, std::filesystem::absolute(dir).string());
        if (report.seeded) {
            report.procedures = data->procedures.size();
            report.dossiers = data->dossiers.size();
            report.notices = data->notices.size();
        }
        return report;
    } catch (const SqliteError& e) {
        return fail(std::string("cannot seed the database: ") + e.what());
    }
}

}  // namespace dvc::gateway
