#pragma once
#include <filesystem>

#include "printing/mono_bitmap.h"

namespace dvc::sim {

// The paper as a greyscale PNG (black dots on white) with a white margin, so a QR code on the
// paper's edge still has its quiet zone for decoders.
bool writePaperPng(const MonoBitmap& paper, const std::filesystem::path& file, int margin = 16);

}  // namespace dvc::sim
