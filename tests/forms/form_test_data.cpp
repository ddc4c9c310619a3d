#include "form_test_data.h"

#include <fstream>
#include <stdexcept>

namespace dvc::test {

namespace {

using json = nlohmann::json;

json readJson(const std::string& file) {
    std::ifstream in(std::string(DVC_SOURCE_TESTDATA) + "/forms/" + file);
    if (!in) throw std::runtime_error("missing test data " + file);
    return json::parse(in);
}

struct Step {
    std::string key;
    bool isIndex = false;
    std::size_t index = 0;
};

// "tre[1].ho_ten" → tre, [1], ho_ten.
std::vector<Step> parsePath(const std::string& path) {
    std::vector<Step> steps;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            auto end = path.find(']', i);
            if (end == std::string::npos) throw std::runtime_error("bad path " + path);
            steps.push_back({"", true, std::stoul(path.substr(i + 1, end - i - 1))});
            i = end + 1;
        } else {
            auto end = path.find_first_of(".[", i);
            if (end == std::string::npos) end = path.size();
            steps.push_back({path.substr(i, end - i), false, 0});
            i = end;
        }
    }
    if (steps.empty()) throw std::runtime_error("empty path");
    return steps;
}

// The container that holds the last step, following (not creating) the earlier ones.
json& parentOf(json& values, const std::vector<Step>& steps, const std::string& path) {
    json* at = &values;
    for (std::size_t k = 0; k + 1 < steps.size(); ++k) {
        const Step& s = steps[k];
        if (s.isIndex ? !(at->is_array() && s.index < at->size())
                      : !(at->is_object() && at->contains(s.key)))
            throw std::runtime_error("path does not exist: " + path);
        at = s.isIndex ? &(*at)[s.index] : &(*at)[s.key];
    }
    return *at;
}

}  // namespace

const std::vector<std::string> kSeedFormCodes = {"1.001193", "1.000894", "1.004873", "2.000635",
                                                 "2.000815", "1.004222", "1.013225", "2.000720"};

json validFormValues(const std::string& procedureCode) {
    return readJson(procedureCode + ".valid.json");
}

void setAtPath(json& values, const std::string& path, json value) {
    auto steps = parsePath(path);
    json& parent = parentOf(values, steps, path);
    const Step& last = steps.back();
    if (!last.isIndex) {
        if (!parent.is_object()) throw std::runtime_error("not an object at " + path);
        parent[last.key] = std::move(value);
    } else if (parent.is_array() && last.index < parent.size()) {
        parent[last.index] = std::move(value);
    } else if (parent.is_array() && last.index == parent.size()) {
        parent.push_back(std::move(value));
    } else {
        throw std::runtime_error("index out of range at " + path);
    }
}

void removeAtPath(json& values, const std::string& path) {
    auto steps = parsePath(path);
    json& parent = parentOf(values, steps, path);
    const Step& last = steps.back();
    bool removed = last.isIndex ? (parent.is_array() && last.index < parent.size() &&
                                   (parent.erase(last.index), true))
                                : (parent.is_object() && parent.erase(last.key) == 1);
    if (!removed) throw std::runtime_error("nothing to remove at " + path);
}

std::vector<InvalidFormVariant> invalidFormVariants(const std::string& procedureCode) {
    const json valid = validFormValues(procedureCode);
    std::vector<InvalidFormVariant> out;
    for (const auto& v : readJson(procedureCode + ".invalid.json")) {
        InvalidFormVariant variant{v.at("name").get<std::string>(), valid, {}};
        if (v.contains("set"))
            for (const auto& [path, value] : v["set"].items())
                setAtPath(variant.values, path, value);
        if (v.contains("remove"))
            for (const auto& path : v["remove"])
                removeAtPath(variant.values, path.get<std::string>());
        for (const auto& e : v.at("expect"))
            variant.expected.insert(
                {e.at("field").get<std::string>(), e.at("code").get<std::string>()});
        out.push_back(std::move(variant));
    }
    return out;
}

}  // namespace dvc::test
