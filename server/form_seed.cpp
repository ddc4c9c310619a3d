#include "server/form_seed.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "forms/form_schema.h"

namespace dvc::gateway {

Result<FormSeedReport, std::string> seedForms(GatewayStore& store,
                                              const std::filesystem::path& seedDir) {
    FormSeedReport report;
    std::error_code ec;
    auto dir = seedDir / "forms";
    if (!std::filesystem::is_directory(dir, ec)) return report;  // forms are optional
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    if (ec) return fail("cannot list " + dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());

    for (const auto& file : files) {
        std::string name = file.filename().string();
        std::ifstream in(file, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        auto doc = nlohmann::json::parse(buf.str(), nullptr, false);
        if (!in || doc.is_discarded()) return fail("forms/" + name + ": not valid JSON");
        auto schema = forms::parseFormSchema(doc, true);
        if (!schema) return fail("forms/" + name + ": " + schema.error().text());
        if (file.stem().string() != schema->procedureCode)
            return fail("forms/" + name + ": procedure_code " + schema->procedureCode +
                        " does not match the file name");
        if (!store.procedure(schema->procedureCode))
            return fail("forms/" + name + ": no procedure " + schema->procedureCode);
        ++report.read;
        if (store.putForm(schema->procedureCode, schema->version, doc)) ++report.written;
    }
    return report;
}

}  // namespace dvc::gateway
