#pragma once
#include "identity/citizen_identity.h"
#include "ui_context.h"

namespace dvc::ui {

// Draws the chip's face photo fitted into `r` (aspect kept), uploading it to a GL texture the
// first time a given photo is shown; the texture is deleted (and its pixels gone from the GPU)
// as soon as another photo, or none, is drawn.
void drawFacePhoto(const UiContext& ui, const FacePhoto* photo, Rect r);
// Drops the texture now (wipe: the photo must not outlive the visit, even on the GPU).
void releaseFacePhoto();

}  // namespace dvc::ui
