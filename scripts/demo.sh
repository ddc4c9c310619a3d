#!/usr/bin/env bash
# The demo: installs what is missing, builds, starts dvc-gateway on https://127.0.0.1:8443 with
# seeded data (var/demo) and opens the kiosk with simulated devices. The gateway stops when the
# kiosk exits. Without a display, the kiosk runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

DATA=var/demo
mkdir -p "$DATA/qr-inbox"
PIDFILE="$DATA/gateway.pid"
# A gateway left behind by a demo that was killed hard: stop it, so the port is free.
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null &&
   grep -q dvc-gateway "/proc/$(cat "$PIDFILE")/cmdline" 2>/dev/null; then
  kill "$(cat "$PIDFILE")"; sleep 0.5
fi

build/server/dvc-gateway --listen 127.0.0.1:8443 --data "$DATA" > "$DATA/gateway.out" 2> "$DATA/gateway.log" &
GATEWAY=$!
echo "$GATEWAY" > "$PIDFILE"
# The receipt printer: dvc-printer-sim on 127.0.0.1:9100 (config/kiosk.toml printer_sim), each
# ticket drawn as var/demo/printer/ticket-NNNN.png. SIGUSR1 toggles paper out, SIGUSR2 cover open.
mkdir -p "$DATA/printer"
build/drivers/printer/dvc-printer-sim --listen 127.0.0.1:9100 --out "$DATA/printer" --width 576 \
  > "$DATA/printer-sim.out" 2> "$DATA/printer-sim.log" &
PRINTER=$!
cleanup() { kill "$GATEWAY" "$PRINTER" 2>/dev/null || true; wait "$GATEWAY" "$PRINTER" 2>/dev/null || true; rm -f "$PIDFILE"; }
trap cleanup EXIT INT TERM

for _ in $(seq 100); do
  grep -q "listening on" "$DATA/gateway.out" 2>/dev/null && break
  kill -0 "$GATEWAY" 2>/dev/null || { cat "$DATA/gateway.log" >&2; exit 1; }
  sleep 0.1
done
cat "$DATA/gateway.out"
cat <<TXT
Demo dossiers: 000.00.19.H42-261123-0001 (đang xử lý), 000.00.19.H42-261120-0007 (đã có kết quả),
               000.00.05.H42-261117-0031 (chờ bổ sung), 000.00.05.H48-261026-0052 (quá hạn)
Simulated QR camera: drop a PNG of a receipt QR (or a .txt) into $DATA/qr-inbox/
Simulated receipt printer: tickets appear as $DATA/printer/ticket-NNNN.png
  (paper out / back: kill -USR1 $PRINTER)
TXT

ARGS=("$@")
((${#ARGS[@]})) || ARGS=(--scale 0.5)   # a 1080×1920 portrait window fits most desktops at half size
KIOSK=(build/app/dvc-kiosk --config config/kiosk.toml --windowed "${ARGS[@]}")
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  "${KIOSK[@]}"
else
  echo "No display found: running the kiosk under Xvfb (headless)."
  xvfb-run -a -s "-screen 0 1920x1920x24" "${KIOSK[@]}"
fi
