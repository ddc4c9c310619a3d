// Form schema parsing: what a valid schema becomes, and a clear error for each malformation.
#include <catch2/catch.hpp>

#include "forms/form_schema.h"

using namespace dvc::forms;
using json = nlohmann::json;

namespace {

json minimal() {
    return json::parse(R"({
      "procedure_code": "1.001193", "version": 2,
      "sections": [{"id": "a", "title": {"vi": "Phần A", "en": "Part A"}, "fields": [
        {"id": "quan_he", "type": "select", "label": {"vi": "Quan hệ", "en": "Relation"},
         "required": true, "options": [{"value": "cha", "label": {"vi": "Cha", "en": "Father"}},
                                       {"value": "khac", "label": {"vi": "Khác", "en": "Other"}}]},
        {"id": "quan_he_khac", "type": "text", "label": {"vi": "Ghi rõ", "en": "Specify"},
         "required": true, "visible_if": {"field": "quan_he", "equals": "khac"}},
        {"id": "con", "type": "group", "label": {"vi": "Con", "en": "Children"}, "required": false,
         "min_items": 0, "max_items": 3, "fields": [
           {"id": "ho_ten", "type": "person_name", "label": {"vi": "Họ tên", "en": "Name"}, "required": true}]}
      ]}]})");
}

std::string errorOf(const json& doc) {
    auto r = parseFormSchema(doc);
    REQUIRE_FALSE(r.ok());
    return r.error().text();
}

}  // namespace

TEST_CASE("a valid schema parses into sections, fields, conditions and groups") {
    auto r = parseFormSchema(minimal());
    REQUIRE(r.ok());
    CHECK(r->procedureCode == "1.001193");
    CHECK(r->version == 2);
    REQUIRE(r->fields().size() == 3);
    const FormField* other = r->field("quan_he_khac");
    REQUIRE(other);
    REQUIRE(other->visibleIf);
    CHECK(other->visibleIf->equals == "khac");
    const FormField* group = r->field("con");
    REQUIRE(group);
    CHECK(group->type == FieldType::Group);
    CHECK(group->maxItems == 3);
    REQUIRE(group->subField("ho_ten"));
    CHECK(group->subField("ho_ten")->type == FieldType::PersonName);
    CHECK(r->field("ho_ten") == nullptr);  // sub-fields are not top-level fields
}

TEST_CASE("malformed schemas are rejected with the path and the reason") {
    json doc = minimal();
    SECTION("not an object") {
        CHECK(errorOf(json::array()) == "a form schema must be a JSON object");
    }
    SECTION("unknown type") {
        doc["sections"][0]["fields"][1]["type"] = "textarea";
        CHECK(errorOf(doc) == "sections[0].fields[1] (quan_he_khac).type: unknown type 'textarea'");
    }
    SECTION("a typo in a key") {
        doc["sections"][0]["fields"][0]["requried"] = true;
        CHECK(errorOf(doc) == "sections[0].fields[0]: unknown key 'requried'");
        CHECK(parseFormSchema(doc, false).ok());  // the kiosk reads newer schemas leniently
    }
    SECTION("missing label language") {
        doc["sections"][0]["fields"][0]["label"].erase("en");
        CHECK(errorOf(doc) == "sections[0].fields[0] (quan_he).label: missing 'en'");
    }
    SECTION("a condition on an unknown field") {
        doc["sections"][0]["fields"][1]["visible_if"]["field"] = "quan_hee";
        CHECK(errorOf(doc) == "a.quan_he_khac.visible_if: refers to unknown field 'quan_hee'");
    }
    SECTION("a condition on a value the select does not offer") {
        doc["sections"][0]["fields"][1]["visible_if"]["equals"] = "me";
        CHECK(errorOf(doc) == "a.quan_he_khac.visible_if: '\"me\"' is not an option of 'quan_he'");
    }
    SECTION("duplicate field ids") {
        doc["sections"][0]["fields"][1]["id"] = "quan_he";
        CHECK(errorOf(doc).find("duplicate field id 'quan_he'") != std::string::npos);
    }
    SECTION("a select without options") {
        doc["sections"][0]["fields"][0].erase("options");
        CHECK(errorOf(doc) == "sections[0].fields[0] (quan_he): missing 'options'");
    }
    SECTION("min_items above max_items") {
        doc["sections"][0]["fields"][2]["min_items"] = 4;
        CHECK(errorOf(doc) == "sections[0].fields[2] (con): min_items is greater than max_items");
    }
    SECTION("nested groups") {
        doc["sections"][0]["fields"][2]["fields"][0] = doc["sections"][0]["fields"][2];
        CHECK(errorOf(doc).find("groups cannot be nested") != std::string::npos);
    }
    SECTION("an invalid pattern") {
        doc["sections"][0]["fields"][1]["pattern"] = "([0-9]";
        CHECK(errorOf(doc).rfind("sections[0].fields[1] (quan_he_khac).pattern: ", 0) == 0);
    }
    SECTION("min/max on a text") {
        doc["sections"][0]["fields"][1]["min"] = 1;
        CHECK(errorOf(doc).find("min/max apply to number and money only") != std::string::npos);
    }
    SECTION("a bad id") {
        doc["sections"][0]["fields"][1]["id"] = "Quan-he";
        CHECK(errorOf(doc) == "sections[0].fields[1].id: 'Quan-he' is not a snake_case id");
    }
    SECTION("no sections") {
        doc["sections"] = json::array();
        CHECK(errorOf(doc) == "sections: must be a non-empty array");
    }
    SECTION("required is not a boolean") {
        doc["sections"][0]["fields"][0]["required"] = "yes";
        CHECK(errorOf(doc) == "sections[0].fields[0] (quan_he).required: must be true or false");
    }
}

TEST_CASE("text that is not JSON is an error, not a crash") {
    auto r = parseFormSchemaText("{\"procedure_code\": ");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "not valid JSON");
}
