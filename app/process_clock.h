#pragma once

namespace dvc::app {

// Milliseconds since this process was started by the kernel (exec, dynamic linking and static
// initialisers included), from /proc/self/stat; since main() if /proc is not readable.
long long millisSinceProcessStart();

}  // namespace dvc::app
