// The shared test data of the eight seed forms, judged on the kiosk's side: every valid set
// passes validateSubmission and FormDraft::review (filled in field by field as the screen
// does), and every invalid variant is refused with exactly the expected paths and codes. The
// gateway's side of the same data: gateway_dossier_test.cpp.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "form_test_data.h"
#include "forms/form_draft.h"
#include "forms/validation.h"

using namespace dvc;
using namespace dvc::forms;
using json = nlohmann::json;

namespace {

FormSchema seedForm(const std::string& code) {
    std::ifstream in(std::string(DVC_SOURCE_SEED) + "/forms/" + code + ".json");
    std::stringstream buf;
    buf << in.rdbuf();
    auto r = parseFormSchemaText(buf.str());
    if (!r) FAIL(code << ": " << r.error().text());
    return r.value();
}

const AdminUnits& units() {
    static const AdminUnits loaded =
        AdminUnits::load(std::string(DVC_SOURCE_ASSETS) + "/data/admin_units.json").value();
    return loaded;
}

// Today, as both sides judge it: the data must stay valid as time passes.
ValidationContext context() {
    return ValidationContext{vietnamToday(), &units()};
}

std::string describe(const std::vector<FieldProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += " " + p.field + ":" + p.code;
    return out.empty() ? " (none)" : out;
}

// Fills a draft the way the form screen does: top-level values one by one, group entries
// added and filled sub-field by sub-field.
FormDraft fillDraft(const FormSchema& schema, const json& values) {
    FormDraft draft(schema);
    for (const auto& [id, value] : values.items()) {
        const FormField* f = schema.field(id);
        REQUIRE(f);
        if (f->type != FieldType::Group) {
            REQUIRE(draft.set(id, value) == EditResult::Applied);
            continue;
        }
        for (std::size_t i = 0; i < value.size(); ++i) {
            REQUIRE(draft.addGroupItem(id));
            for (const auto& [sub, subValue] : value[i].items())
                REQUIRE(draft.setInGroup(id, i, sub, subValue) == EditResult::Applied);
        }
    }
    return draft;
}

}  // namespace

TEST_CASE("the valid test sets of the 8 seed forms pass the kiosk's review") {
    for (const auto& code : test::kSeedFormCodes) {
        INFO(code);
        auto schema = seedForm(code);
        auto values = test::validFormValues(code);
        auto problems = validateSubmission(schema, values, context());
        INFO("problems:" << describe(problems));
        CHECK(problems.empty());

        auto draft = fillDraft(schema, values);
        auto reviewed = draft.review(context());
        INFO("review:" << describe(reviewed));
        CHECK(reviewed.empty());
        // What the kiosk sends is the set itself: nothing hidden or empty to drop.
        CHECK(draft.submission() == values);
    }
}

TEST_CASE("the valid test sets use listed address codes wherever the data lists them") {
    // Typed district or commune names are only for provinces and districts whose children the
    // data does not list; a set with a typed name where codes exist would pass without units.
    for (const auto& code : test::kSeedFormCodes) {
        INFO(code);
        auto schema = seedForm(code);
        auto values = test::validFormValues(code);
        CHECK(
            validateSubmission(schema, values, ValidationContext{vietnamToday(), nullptr}).empty());
        std::size_t addresses = 0;
        for (const FormField* f : schema.fields())
            if (f->type == FieldType::Address && values.contains(f->id)) {
                const auto& a = values[f->id];
                const Province* p = units().province(a["province"].get<std::string>());
                REQUIRE(p);
                ++addresses;
                if (!a.contains("district") || p->districts.empty()) continue;
                const District* d = units().district(p->code, a["district"].get<std::string>());
                CHECK(d);
                if (d && !d->communes.empty())
                    CHECK(units().commune(p->code, d->code, a["commune"].get<std::string>()));
            }
        if (code != "2.000815") CHECK(addresses >= 1);
    }
}

TEST_CASE("every invalid variant is refused by the kiosk with exactly the expected problems") {
    std::size_t variants = 0;
    for (const auto& code : test::kSeedFormCodes) {
        auto schema = seedForm(code);
        auto list = test::invalidFormVariants(code);
        CHECK(list.size() >= 5);
        for (const auto& v : list) {
            INFO(code << ": " << v.name);
            auto problems = validateSubmission(schema, v.values, context());
            std::set<test::FieldCode> got;
            for (const auto& p : problems) got.insert({p.field, p.code});
            INFO("problems:" << describe(problems));
            CHECK(got == v.expected);
            ++variants;
        }
    }
    CHECK(variants >= 40);
}

TEST_CASE("the variants' path helper sets, appends and removes, and refuses paths that miss") {
    json v = {{"tre", {{{"ho_ten", "A"}}}}, {"a", {{"b", 1}}}};
    test::setAtPath(v, "tre[0].ho_ten", "B");
    test::setAtPath(v, "tre[1]", {{"ho_ten", "C"}});
    test::setAtPath(v, "a.c", 2);
    CHECK(v["tre"][0]["ho_ten"] == "B");
    CHECK(v["tre"][1]["ho_ten"] == "C");
    CHECK(v["a"]["c"] == 2);
    test::removeAtPath(v, "a.b");
    CHECK_FALSE(v["a"].contains("b"));
    CHECK_THROWS(test::setAtPath(v, "tre[5]", 1));
    CHECK_THROWS(test::setAtPath(v, "x.y", 1));
    CHECK_THROWS(test::removeAtPath(v, "a.b"));
}
