#!/usr/bin/env bash
# The fixed command-line contract of dvc-gateway: the two stdout lines, exit codes 0/1/2,
# clean stop on SIGTERM and SIGINT, and seeding only on the first start.
# usage: cli_contract_test.sh PATH/TO/dvc-gateway SEED_DIR
set -uo pipefail
GW=$1
SEED=$2
TMP=$(mktemp -d)
PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    [ -f "$TMP/err" ] && sed 's/^/  stderr: /' "$TMP/err" >&2
    exit 1
}

# Starts the gateway on an ephemeral port and waits for its two lines.
start() {
    "$GW" --listen 127.0.0.1:0 --data "$TMP/data" --seed "$SEED" >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    for _ in $(seq 100); do
        [ "$(wc -l <"$TMP/out")" -ge 2 ] && return 0
        kill -0 "$PID" 2>/dev/null || fail "gateway exited during start"
        sleep 0.1
    done
    fail "no startup lines within 10 s"
}

stop_with() {
    kill "-$1" "$PID"
    wait "$PID"
    local rc=$?
    PID=
    [ "$rc" -eq 0 ] || fail "exit code $rc after SIG$1, expected 0"
}

"$GW" --listen 127.0.0.1:0 >/dev/null 2>&1
[ $? -eq 2 ] || fail "missing --data must exit 2"
"$GW" --listen 127.0.0.1:99999 --data "$TMP/x" >/dev/null 2>&1
[ $? -eq 2 ] || fail "a bad port must exit 2"

start
line1=$(sed -n 1p "$TMP/out")
line2=$(sed -n 2p "$TMP/out")
[[ "$line1" =~ ^dvc-gateway\ listening\ on\ https://127\.0\.0\.1:([1-9][0-9]*)$ ]] ||
    fail "unexpected first line: $line1"
port=${BASH_REMATCH[1]}
[ "$line2" = "CA certificate: $TMP/data/tls/ca.pem" ] || fail "unexpected second line: $line2"
for f in gateway.db tls/ca.pem tls/ca.key tls/server.pem tls/server.key; do
    [ -s "$TMP/data/$f" ] || fail "missing $f"
done
grep -q "loaded .* procedures" "$TMP/err" || fail "first start did not seed"

# A second gateway on the same port fails with exit 1.
"$GW" --listen "127.0.0.1:$port" --data "$TMP/other" --seed "$SEED" >/dev/null 2>"$TMP/err2"
[ $? -eq 1 ] || fail "a busy port must exit 1"
grep -q "in use" "$TMP/err2" || fail "busy port message: $(cat "$TMP/err2")"
stop_with TERM

start
grep -q "already seeded" "$TMP/err" || fail "second start seeded again"
stop_with INT

# Files that cannot be created: exit 1.
touch "$TMP/file"
"$GW" --listen 127.0.0.1:0 --data "$TMP/file/data" --seed "$SEED" >/dev/null 2>&1
[ $? -eq 1 ] || fail "an uncreatable data dir must exit 1"
echo "ok"
