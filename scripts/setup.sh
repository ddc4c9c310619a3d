#!/usr/bin/env bash
# Installs the Debian 12 packages dvc-kiosk needs (only those missing), then configures and
# builds. Usage: scripts/setup.sh [--asan]   (--asan: the AddressSanitizer+UBSan build in build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
export LANG=C.UTF-8 LC_ALL=C.UTF-8

PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates openssl curl
  libsdl2-dev libimgui-dev libstb-dev libgl-dev libgl1-mesa-dri
  libcurl4-openssl-dev libssl-dev libsqlite3-dev sqlite3 nlohmann-json3-dev
  libcpp-httplib-dev libtomlplusplus-dev libzxing-dev catch2
  libusb-1.0-0-dev libsodium-dev libopenjp2-7-dev
  pcscd libpcsclite-dev pcsc-tools vsmartcard-vpcd libsane-dev sane-utils
  libccid
  clang libclang-rt-14-dev
  fonts-noto-core espeak-ng espeak-ng-data
  xvfb xauth procps
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

JOBS=$(nproc 2>/dev/null || echo 2)
if [ "${1:-}" = "--asan" ]; then
  BUILD=build-asan
  EXTRA=(-DDVC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
else
  BUILD=build
  EXTRA=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
# LIBRARY_PATH from a developer's environment must not leak other libraries into our link.
unset LIBRARY_PATH
cmake -S . -B "$BUILD" -G Ninja -DDVC_WERROR=ON "${EXTRA[@]}" >/dev/null
cmake --build "$BUILD" -j "$JOBS"
echo "setup: built in $BUILD/"
