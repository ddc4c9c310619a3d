#pragma once
// A procedurally drawn ID-style portrait for the simulated chip's DG2: plain background, head,
// hair, eyes, shoulders. Deterministic for a seed; no photograph is ever used.
#include <cstdint>

#include "identity/emrtd/face_image.h"

namespace dvc::card::sim {

emrtd::RgbImage drawPortrait(std::uint32_t seed, int width = 240, int height = 320);

}  // namespace dvc::card::sim
