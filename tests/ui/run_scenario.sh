#!/usr/bin/env bash
# One scripted UI scenario: a fresh dvc-gateway on an ephemeral loopback port, a kiosk config
# pointing at it, and dvc-kiosk running scripts/<scenario>.script under SDL's offscreen driver
# (xvfb-run if offscreen GL is unavailable).
# Env (set by CMake): DVC_KIOSK DVC_GATEWAY DVC_QRGEN DVC_UI_SCRIPTS DVC_UI_WORK DVC_UI_SHOTS
set -euo pipefail
scenario=$1
work="$DVC_UI_WORK/$scenario"
shots="$DVC_UI_SHOTS"
rm -rf "$work"
mkdir -p "$work" "$shots"
cd "$work"

gw_pid=""
sim_pid=""  # dvc-printer-sim, for the queue_* scenarios
cleanup() {
    if [[ -n $sim_pid ]] && kill -0 "$sim_pid" 2>/dev/null; then
        kill -TERM "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    if [[ -n $gw_pid ]] && kill -0 "$gw_pid" 2>/dev/null; then
        kill -TERM "$gw_pid" 2>/dev/null || true
        wait "$gw_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT

start_gateway() {
    "$DVC_GATEWAY" --listen 127.0.0.1:0 --data "$work/gateway" >"$work/gateway.out" 2>"$work/gateway.err" &
    gw_pid=$!
    for _ in $(seq 1 150); do
        if grep -q '^CA certificate: ' "$work/gateway.out" 2>/dev/null &&
            grep -q '^dvc-gateway listening on ' "$work/gateway.out" 2>/dev/null; then
            gw_url=$(sed -n 's/^dvc-gateway listening on \(https:[^ ]*\).*/\1/p' "$work/gateway.out" | head -1)
            gw_ca=$(sed -n 's/^CA certificate: \(.*\)$/\1/p' "$work/gateway.out" | head -1)
            return 0
        fi
        if ! kill -0 "$gw_pid" 2>/dev/null; then break; fi
        sleep 0.1
    done
    echo "dvc-gateway did not start:" >&2
    cat "$work/gateway.out" "$work/gateway.err" >&2
    exit 1
}

write_config() {  # write_config ORIENTATION
    cat >"$work/kiosk.toml" <<TOML
[kiosk]
id = "KIOSK-UI-TEST"
centre_name = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"
language = "vi"
idle_timeout_s = 60
idle_countdown_s = 10
heartbeat_s = 30

[backend]
url = "$gw_url"
ca_file = "$gw_ca"
connect_timeout_ms = 1000
request_timeout_ms = 4000

[devices]
qr = "sim"
card_reader = "none"
printer = "none"
scanner = "none"
qr_sim_inbox = "qr-inbox"

[display]
fullscreen = false
orientation = "$1"

[paths]
log_file = "kiosk.log"
outbox_db = "outbox.db"
catalog_db = "catalog.db"
TOML
}

# Issue 5: a dvc-printer-sim on an ephemeral loopback port writing PNGs to $work/printer, and
# the kiosk's config pointing at it. start_printer_sim [sim flags...]
start_printer_sim() {
    mkdir -p "$work/printer"
    "$DVC_PRINTER_SIM" --listen 127.0.0.1:0 --out "$work/printer" --width 576 "$@" \
        >"$work/printer-sim.out" 2>"$work/printer-sim.err" &
    sim_pid=$!
    local port=""
    for _ in $(seq 1 100); do
        port=$(head -1 "$work/printer-sim.out" 2>/dev/null || true)
        [[ -n $port ]] && break
        kill -0 "$sim_pid" 2>/dev/null || break
        sleep 0.05
    done
    if [[ -z $port ]]; then
        echo "dvc-printer-sim did not start:" >&2
        cat "$work/printer-sim.err" >&2
        exit 1
    fi
    sed -i "s/^printer = \"none\"$/printer = \"sim\"\nprinter_sim = \"127.0.0.1:$port\"\nprinter_width = 576/" "$work/kiosk.toml"
}

# run_kiosk_stopping_gateway SCRIPT: runs the kiosk; when the script echoes "stop-gateway" the
# gateway is stopped and the file "gateway-stopped" tells the script it may go on.
run_kiosk_stopping_gateway() {
    run_kiosk "$1" &
    local kiosk_pid=$!
    for _ in $(seq 1 600); do
        grep -q 'script: echo stop-gateway' "$work/kiosk.out" 2>/dev/null && break
        kill -0 "$kiosk_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -TERM "$gw_pid"
    wait "$gw_pid" || true
    gw_pid=""
    touch "$work/gateway-stopped"
    wait "$kiosk_pid" || { show_logs; exit 1; }
}

# check_receipt_png FILE REGEX: the printed receipt exists and its QR matches REGEX.
check_receipt_png() {
    [[ -s $1 ]] || { echo "no printed receipt $1" >&2; ls -l "$work/printer" >&2; exit 1; }
    local text
    text=$("$DVC_KIOSKCTL" qr decode "$1" | sed -n 's/^text: //p')
    [[ $text =~ $2 ]] || { echo "receipt QR '$text' does not match $2" >&2; exit 1; }
    echo "printed receipt: $1 QR $text"
}

# check_ticket_png FILE NUMBER: the paper exists and its QR (decoded by ZXing through
# dvc-kioskctl) is the gateway's follow link of ticket NUMBER.
check_ticket_png() {
    [[ -s $1 ]] || { echo "no printed ticket $1" >&2; ls -l "$work/printer" >&2; exit 1; }
    local text
    text=$("$DVC_KIOSKCTL" qr decode "$1" | sed -n 's/^text: //p')
    if [[ ! $text =~ ^${gw_url}/q/tk_[0-9]{8}_$2$ ]]; then
        echo "ticket QR '$text' is not ${gw_url}/q/tk_<day>_$2" >&2
        exit 1
    fi
    echo "printed $2: $1 QR $text"
}

# SDL's offscreen driver renders with Mesa (EGL, llvmpipe); where that is missing, Xvfb.
launcher=()
pick_display() {
    # Probed once per build of dvc-kiosk and shared by the scenarios.
    local probe="$DVC_UI_WORK/display-probe"
    if [[ ! -s $probe || $probe -ot $DVC_KIOSK ]]; then
        if SDL_VIDEODRIVER=offscreen "$DVC_KIOSK" --config "$work/kiosk.toml" --windowed \
            --exit-after-first-frame >"$work/probe.out" 2>&1; then
            echo offscreen >"$probe.$$"
        elif command -v xvfb-run >/dev/null; then
            echo "offscreen GL unavailable ($(tail -1 "$work/probe.out")); using xvfb-run" >&2
            echo xvfb >"$probe.$$"
        else
            cat "$work/probe.out" >&2
            exit 1
        fi
        mv "$probe.$$" "$probe"
    fi
    if [[ $(cat "$probe") == offscreen ]]; then
        export SDL_VIDEODRIVER=offscreen
    else
        launcher=(xvfb-run -a -s "-screen 0 1920x1920x24")
        unset SDL_VIDEODRIVER
    fi
}

run_kiosk() {  # run_kiosk SCRIPT [flags...]; returns dvc-kiosk's exit code
    local script=$1
    shift
    local rc=0
    "${launcher[@]}" "$DVC_KIOSK" --config "$work/kiosk.toml" --windowed \
        --script "$script" --screenshot-dir "$shots" "$@" >"$work/kiosk.out" 2>"$work/kiosk.err" || rc=$?
    return $rc
}

show_logs() {
    echo "--- kiosk stdout" >&2; cat "$work/kiosk.out" >&2 || true
    echo "--- kiosk stderr" >&2; tail -40 "$work/kiosk.err" >&2 || true
}

start_gateway
orientation=portrait
[[ $scenario == landscape || $scenario == *_landscape ]] && orientation=landscape
write_config "$orientation"
if [[ $scenario == idle_timeout ]]; then
    # The script's virtual clock jumps; the countdown's 10 s are real time in between, which a
    # loaded machine (screenshots under ASan) can spend. 30 s keeps the scenario about behaviour.
    sed -i 's/^idle_countdown_s = 10$/idle_countdown_s = 30/' "$work/kiosk.toml"
fi
pick_display
code="000.00.19.H42-261123-0001"

case $scenario in
qr_scan)
    "$DVC_QRGEN" "$code" "$work/slip-qr.png"
    "$DVC_QRGEN" "https://dichvucong.gov.vn/" "$work/not-a-dossier.png"
    run_kiosk "$DVC_UI_SCRIPTS/qr_scan.script" || { show_logs; exit 1; }
    ;;
identify_qr)
    "$DVC_QRGEN" "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh|15082024||||" "$work/card-qr.png"
    "$DVC_QRGEN" "00020101021138570010A000000727012700069704070113VQRQ00012345" "$work/vietqr.png"
    run_kiosk "$DVC_UI_SCRIPTS/identify_qr.script" || { show_logs; exit 1; }
    ;;
identify_chip)
    "$DVC_QRGEN" "079203004321||Trần Văn Đức|02112003|Nam|88/3 Đường Nguyễn Thượng Hiền, Phường 5, Quận 3, TP. Hồ Chí Minh|20052021" "$work/card-qr.png"
    sed -i 's/^card_reader = "none"$/card_reader = "sim"\ncard_sim_inbox = "card-inbox"/' "$work/kiosk.toml"
    mkdir -p "$work/card-inbox"
    touch "$work/card-inbox/tran-van-duc.card"  # the card already lies on the reader
    run_kiosk "$DVC_UI_SCRIPTS/identify_chip.script" || { show_logs; exit 1; }
    ;;
gateway_down)
    # The script echoes "stop-gateway" once the first lookup has worked; stop the gateway then
    # and tell the script by creating a file.
    run_kiosk_stopping_gateway "$DVC_UI_SCRIPTS/gateway_down.script"
    ;;
dossier_2.000815)
    # The receipt prints by itself on the simulated printer; "In lại" prints the same again.
    start_printer_sim
    run_kiosk "$DVC_UI_SCRIPTS/$scenario.script" || { show_logs; exit 1; }
    check_receipt_png "$work/printer/ticket-0001.png" '^000\.00\.[0-9]{2}\.H[0-9]{2}-[0-9]{6}-[0-9]{4}$'
    first=$("$DVC_KIOSKCTL" qr decode "$work/printer/ticket-0001.png" | sed -n 's/^text: //p')
    check_receipt_png "$work/printer/ticket-0002.png" "^${first//./\\.}\$"
    ;;
dossier_1.001193 | dossier_1.000894 | dossier_2.000635 | dossier_2.000720 | dossier_1.013225)
    # The card's QR (a Hà Nội resident, so the address pickers match) for the scenarios that
    # identify first; the others ignore it.
    "$DVC_QRGEN" "001090012345||Nguyễn Văn An|14051990|Nam|Số 5, Hàng Bạc, Hoàn Kiếm, Hà Nội|20052021" "$work/card-qr.png"
    run_kiosk "$DVC_UI_SCRIPTS/$scenario.script" || { show_logs; exit 1; }
    ;;
dossier_1.004873 | dossier_1.004222)
    # Identified by QR, then verified by the simulated chip: locked fields.
    "$DVC_QRGEN" "079203004321||Trần Văn Đức|02112003|Nam|88/3 Đường Nguyễn Thượng Hiền, Phường 5, Quận 3, TP. Hồ Chí Minh|20052021" "$work/card-qr.png"
    sed -i 's/^card_reader = "none"$/card_reader = "sim"\ncard_sim_inbox = "card-inbox"/' "$work/kiosk.toml"
    mkdir -p "$work/card-inbox"
    touch "$work/card-inbox/tran-van-duc.card"
    run_kiosk "$DVC_UI_SCRIPTS/$scenario.script" || { show_logs; exit 1; }
    ;;
dossier_gateway_down)
    # The script echoes "stop-gateway" on the review screen; the gateway stops before submit.
    "$DVC_QRGEN" "001090012345||Nguyễn Văn An|14051990|Nam|Số 5, Hàng Bạc, Hoàn Kiếm, Hà Nội|20052021" "$work/card-qr.png"
    start_printer_sim  # the provisional receipt prints too
    run_kiosk_stopping_gateway "$DVC_UI_SCRIPTS/dossier_gateway_down.script"
    check_receipt_png "$work/printer/ticket-0001.png" '^DVC-TAM:T-KIOSK-UI-TEST-'
    ;;
catalog_offline)
    # Like gateway_down: the script browses once (the catalogue synced), echoes
    # "stop-gateway", and goes on from the kiosk's cache once the gateway is gone.
    run_kiosk_stopping_gateway "$DVC_UI_SCRIPTS/catalog_offline.script"
    ;;
queue_ticket)
    start_printer_sim
    run_kiosk "$DVC_UI_SCRIPTS/queue_ticket.script" || { show_logs; exit 1; }
    check_ticket_png "$work/printer/ticket-0001.png" C001
    # The same in landscape (the next number of the same counter).
    run_kiosk "$DVC_UI_SCRIPTS/queue_landscape.script" --landscape || { show_logs; exit 1; }
    check_ticket_png "$work/printer/ticket-0002.png" C002
    ;;
queue_paper_out)
    # The printer is out of paper from the start; the script cues "paper-in" once the number is
    # on screen with the message, and the harness puts paper in (SIGUSR1 toggles paper out).
    start_printer_sim --paper-out
    run_kiosk "$DVC_UI_SCRIPTS/queue_paper_out.script" &
    kiosk_pid=$!
    for _ in $(seq 1 300); do
        grep -q 'script: echo paper-in' "$work/kiosk.out" 2>/dev/null && break
        kill -0 "$kiosk_pid" 2>/dev/null || break
        sleep 0.1
    done
    [[ -e $work/printer/ticket-0001.png ]] && { echo "printed while out of paper" >&2; exit 1; }
    kill -USR1 "$sim_pid"
    for _ in $(seq 1 50); do
        grep -q 'status ok' "$work/printer-sim.err" && break
        sleep 0.1
    done
    touch "$work/paper-loaded"
    wait "$kiosk_pid" || { show_logs; exit 1; }
    check_ticket_png "$work/printer/ticket-0001.png" A001
    [[ ! -e $work/printer/ticket-0002.png ]] || { echo "reprint printed twice" >&2; exit 1; }
    ;;
queue_priority)
    # A citizen born in 1950 (over 60) identifies with the card's QR code.
    "$DVC_QRGEN" "042150001234||Phạm Thị Hoa|12051950|Nữ|25 Phan Đình Phùng, Phường Bắc Hà, TP. Hà Tĩnh, Hà Tĩnh|10062021" "$work/elder-card-qr.png"
    start_printer_sim
    run_kiosk "$DVC_UI_SCRIPTS/queue_priority.script" || { show_logs; exit 1; }
    check_ticket_png "$work/printer/ticket-0001.png" D001
    check_ticket_png "$work/printer/ticket-0002.png" D002
    ;;
pixel_check_can_fail)
    rm -f "$shots/failure.png"
    rc=0
    run_kiosk "$DVC_UI_SCRIPTS/pixel_check_can_fail.script" || rc=$?
    if [[ $rc -ne 1 ]]; then
        echo "expected exit 1 from a failing pixel check, got $rc" >&2
        show_logs
        exit 1
    fi
    grep -E '^script: line [0-9]+: pixel [0-9]+,[0-9]+ is rgb\(' "$work/kiosk.err" ||
        { echo "no 'script: line N: pixel …' message" >&2; show_logs; exit 1; }
    [[ -s $shots/failure.png ]] || { echo "failure.png missing" >&2; exit 1; }
    mv "$shots/failure.png" "$shots/pixel-check-failure.png"
    ;;
*)
    run_kiosk "$DVC_UI_SCRIPTS/$scenario.script" || { show_logs; exit 1; }
    ;;
esac
grep '^script: saved' "$work/kiosk.out" || true
echo "ok: $scenario"
