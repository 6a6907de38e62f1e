#!/usr/bin/env bash
# Lints the real-world corpus (testdata/realworld: pinned real libraries that
# do HTTP authentication) and compares the findings with the reviewed
# baseline, in which every finding carries a label (TP or FP) and a reason.
# A finding missing from the baseline (to be reviewed) or a baselined finding
# no longer reported (recall lost) fails the run. The corpus is linted twice:
# with the defaults (the TP and FP lines) and with -tests=true (those and the
# TEST lines, findings in _test.go files). Prints precision and the known true
# positives found.
# Usage: scripts/realworld.sh path/to/authchallenge
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../testdata/realworld"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "realworld: FAIL: $*" >&2; exit 1; }

go mod download
modcache=$(go env GOMODCACHE)
# lint OUT FLAGS...: the findings as path@version/file.go:line:col rule, the
# module cache prefix dropped.
lint() {
	local out=$1 status=0
	shift
	"$tool" "$@" $(grep -v '^#' packages.txt) >"$work/raw.txt" 2>"$work/err.txt" || status=$?
	case $status in 0 | 3) ;; *) cat "$work/err.txt" >&2; fail "exit status $status ($*)" ;; esac
	sed -E "s#^$modcache/##; s#^([^ ]+): .* \(([a-z]+)\)\$#\1 \2#" "$work/raw.txt" | sort >"$out"
}
# compare FOUND BASELINED WHAT
compare() {
	local new gone
	new=$(comm -23 "$1" "$2")
	gone=$(comm -13 "$1" "$2")
	[ -z "$new" ] || { echo "$new" | sed "s/^/new finding ($3), not in baseline.txt: /" >&2; fail "review the new findings (UPDATE=1 appends them unlabelled)"; }
	[ -z "$gone" ] || { echo "$gone" | sed "s/^/baselined finding no longer reported ($3): /" >&2; fail "a reviewed finding disappeared"; }
}
lint "$work/found.txt"
lint "$work/found-tests.txt" -tests=true
grep -E '^(TP|FP|\?\?) ' baseline.txt | awk '{print $2, $3}' | sort >"$work/baselined.txt"
grep -E '^(TP|FP|TEST|\?\?) ' baseline.txt | awk '{print $2, $3}' | sort >"$work/baselined-tests.txt"
if [ "${UPDATE:-}" = 1 ]; then
	comm -23 "$work/found-tests.txt" "$work/baselined-tests.txt" | sed 's/^/?? /; s/$/ | review me/' >>baseline.txt
	echo "realworld: appended new findings to baseline.txt: label each TP, FP or TEST (_test.go files) with a reason"
fi
compare "$work/found.txt" "$work/baselined.txt" "default flags"
compare "$work/found-tests.txt" "$work/baselined-tests.txt" "-tests=true"
if awk '$1 == "TEST" && $2 !~ /_test\.go:/ {bad = 1} END {exit !bad}' baseline.txt; then fail "a TEST line names a file that is not a _test.go file"; fi
if grep -qE '^\?\? ' baseline.txt; then fail "baseline.txt has unlabelled findings (??)"; fi

tp=$(grep -cE '^TP ' baseline.txt || true)
fp=$(grep -cE '^FP ' baseline.txt || true)
total=$((tp + fp))
echo "realworld: $total findings with the default flags, $tp true positives, $fp false positives (precision $(awk -v t="$tp" -v n="$total" 'BEGIN { if (n == 0) print "n/a"; else printf "%.0f%%", 100 * t / n }'))"
known=$(grep -cE '^KNOWN ' expected-known.txt || true)
found=0
while read -r _ key _; do
	if grep -qF "$key" "$work/found.txt"; then found=$((found + 1)); else echo "known true positive not found: $key" >&2; fi
done < <(grep -E '^KNOWN ' expected-known.txt)
echo "realworld: known true positives found: $found of $known (recall on the known set)"
[ "$found" -eq "$known" ] || fail "recall lost on the known true positives"
