#pragma once
// JSON shape of GET /api/v1/procedures/{code} (ProcedureDetail in docs/api/openapi.yaml).
#include "api/json_mapping.h"
#include "domain/procedure_detail.h"

namespace dvc {

void to_json(json& j, const RequiredDocument& d);
void from_json(const json& j, RequiredDocument& d);
void to_json(json& j, const ProcedureDetail& d);
void from_json(const json& j, ProcedureDetail& d);

}  // namespace dvc
