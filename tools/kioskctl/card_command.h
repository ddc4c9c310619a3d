#pragma once
#include "cli_options.h"

namespace dvc::kioskctl {

// `dvc-kioskctl card read [--reader NAME] [--mrz DOCNO,YYMMDD,YYMMDD | --can NNNNNN]
// [--csca FILE|DIR] [--extended] [--json]`: the kiosk's chip read on a PC/SC reader, with every
// field, the photo's size and the passive-authentication verdict (docs/kioskctl.md).
int cardRead(const CliOptions& options);

}  // namespace dvc::kioskctl
