#!/usr/bin/env bash
# dvc-kiosk's command line: --help, bad usage and bad configs exit before any window opens.
set -u
kiosk=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
failed=0
check() {  # check NAME EXPECTED_RC PATTERN -- command...
    local name=$1 want=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [[ $rc -ne $want ]]; then
        echo "FAIL $name: exit $rc, expected $want; output: $out"
        failed=1
    elif [[ -n $pattern ]] && ! grep -qE -- "$pattern" <<<"$out"; then
        echo "FAIL $name: output lacks /$pattern/: $out"
        failed=1
    else
        echo "ok   $name"
    fi
}
check help 0 'usage: dvc-kiosk' -- "$kiosk" --help
check unknown-flag 2 "unknown argument '--bogus'" -- "$kiosk" --bogus
check scale-range 2 'scale' -- "$kiosk" --scale 9
check missing-value 2 'config needs a file' -- "$kiosk" --config
printf '[kiosk]\nidle_timeout_s = "soon"\n' >"$work/bad.toml"
check bad-config 2 'bad.toml:2:.*kiosk.idle_timeout_s' -- "$kiosk" --config "$work/bad.toml"
check missing-config 2 'cannot open' -- "$kiosk" --config "$work/none.toml"
printf '[display]\nfullscreen = false\n' >"$work/ok.toml"
printf 'wait_text "Tra cứu hồ sơ"\ntapp home:status\n' >"$work/bad.script"
check bad-script 2 "script: line 2: unknown command 'tapp'" -- "$kiosk" --config "$work/ok.toml" --script "$work/bad.script"
exit $failed
