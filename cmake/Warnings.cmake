# Project warning set, applied per target so third-party headers stay quiet (SYSTEM includes).
add_library(dvc_warnings INTERFACE)
target_compile_options(dvc_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2
  -Wimplicit-fallthrough)
if(DVC_WERROR)
  target_compile_options(dvc_warnings INTERFACE -Werror)
endif()
