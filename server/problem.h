#pragma once
// The gateway's catalogue of problem objects (RFC 7807, docs/api/openapi.yaml): one stable
// code each, a message in Vietnamese and English safe to show on the kiosk, and a technical
// detail that must never carry personal data.
#include <cstddef>
#include <string>

#include "api/problem.h"

namespace dvc::gateway::problems {

Problem invalidJson(std::string detail);
Problem missingField(std::string field);
Problem invalidField(std::string field, std::string detail);
Problem invalidDossierCode(std::string detail);
Problem dossierNotFound();
Problem procedureNotFound();
Problem kioskMismatch(std::string detail);
Problem notFound();  // no such path
Problem methodNotAllowed(std::string allowed);
Problem payloadTooLarge(std::size_t limit);
Problem internalError();
Problem notImplemented();
Problem unsupportedMediaType(std::string detail);
Problem idempotencyConflict();
// 422; the caller adds the per-field `errors` (ValidationProblem).
Problem validationFailed();
// For an error status produced by the HTTP layer itself (malformed request, URI too long, …).
Problem forStatus(int status);

}  // namespace dvc::gateway::problems

namespace dvc::gateway::problems {
// Queue (lấy số thứ tự).
Problem queueServiceNotFound();
Problem ticketNotFound();
Problem priorityNotAllowed();
Problem queueFull();
}  // namespace dvc::gateway::problems
