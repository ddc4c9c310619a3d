// GatewayStore's form schemas, apart from store.cpp so the table and its queries stay together.
#include "server/sqlite_db.h"
#include "server/store.h"

namespace dvc::gateway {

namespace {
// Created on first use: databases made before forms existed gain the table without a
// migration step.
constexpr std::string_view kFormsTable = R"sql(
CREATE TABLE IF NOT EXISTS forms (
  procedure_code TEXT PRIMARY KEY,
  version        INTEGER NOT NULL,
  schema_json    TEXT NOT NULL
);
)sql";
}  // namespace

bool GatewayStore::putForm(std::string_view procedureCode, long long version,
                           const nlohmann::json& schema) {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    db_->exec(kFormsTable);
    auto current = db_->prepare("SELECT version FROM forms WHERE procedure_code = ?");
    current.bind(1, procedureCode);
    if (current.step() && current.integer(0) >= version) return false;
    db_->prepare(
           "INSERT INTO forms (procedure_code, version, schema_json) VALUES (?, ?, ?) "
           "ON CONFLICT (procedure_code) DO UPDATE SET version = excluded.version, "
           "schema_json = excluded.schema_json")
        .bind(1, procedureCode)
        .bind(2, static_cast<std::int64_t>(version))
        .bind(3, schema.dump())
        .run();
    tx.commit();
    return true;
}

std::optional<nlohmann::json> GatewayStore::form(std::string_view procedureCode) {
    std::lock_guard lock(mutex_);
    db_->exec(kFormsTable);
    auto st = db_->prepare("SELECT schema_json FROM forms WHERE procedure_code = ?");
    st.bind(1, procedureCode);
    if (!st.step()) return std::nullopt;
    return nlohmann::json::parse(st.text(0));
}

}  // namespace dvc::gateway
