#pragma once
// Writing JSON and problem+json responses.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "api/problem.h"

namespace dvc::gateway {

inline constexpr const char* kJsonType = "application/json; charset=utf-8";
inline constexpr const char* kProblemType = "application/problem+json";

// Serialises without ever throwing on invalid UTF-8 (replaced by U+FFFD).
std::string dumpJson(const nlohmann::json& j);

void sendJson(httplib::Response& res, const nlohmann::json& body, int status = 200);
void sendProblem(httplib::Response& res, const Problem& problem);

}  // namespace dvc::gateway
