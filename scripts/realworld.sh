#!/usr/bin/env bash
# Lints the real-world corpus (testdata/realworld: pinned real libraries that
# do HTTP authentication) and compares the findings with the reviewed
# baseline, in which every finding carries a label (TP or FP) and a reason.
# A finding missing from the baseline (to be reviewed) or a baselined finding
# no longer reported (recall lost) fails the run. Prints precision and the
# known true positives found.
# Usage: scripts/realworld.sh path/to/authchallenge
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../testdata/realworld"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "realworld: FAIL: $*" >&2; exit 1; }

go mod download
modcache=$(go env GOMODCACHE)
set +e
"$tool" $(grep -v '^#' packages.txt) >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
case $status in 0 | 3) ;; *) cat "$work/err.txt" >&2; fail "exit status $status" ;; esac

# path@version/file.go:line:col rule — the module cache prefix dropped.
sed -E "s#^$modcache/##; s#^([^ ]+): .* \(([a-z]+)\)\$#\1 \2#" "$work/out.txt" | sort >"$work/found.txt"
grep -vE '^(#|$)' baseline.txt | awk '{print $2, $3}' | sort >"$work/baselined.txt"

if [ "${UPDATE:-}" = 1 ]; then
	comm -23 "$work/found.txt" "$work/baselined.txt" | sed 's/^/?? /; s/$/ | review me/' >>baseline.txt
	echo "realworld: appended new findings to baseline.txt: label each TP or FP with a reason"
fi
new=$(comm -23 "$work/found.txt" "$work/baselined.txt")
gone=$(comm -13 "$work/found.txt" "$work/baselined.txt")
[ -z "$new" ] || { echo "$new" | sed 's/^/new finding, not in baseline.txt: /' >&2; fail "review the new findings (UPDATE=1 appends them unlabelled)"; }
[ -z "$gone" ] || { echo "$gone" | sed 's/^/baselined finding no longer reported: /' >&2; fail "a reviewed finding disappeared"; }
if grep -qE '^\?\? ' baseline.txt; then fail "baseline.txt has unlabelled findings (??)"; fi

tp=$(grep -cE '^TP ' baseline.txt || true)
fp=$(grep -cE '^FP ' baseline.txt || true)
total=$((tp + fp))
echo "realworld: $total findings, $tp true positives, $fp false positives (precision $(awk -v t="$tp" -v n="$total" 'BEGIN { if (n == 0) print "n/a"; else printf "%.0f%%", 100 * t / n }'))"
known=$(grep -cE '^KNOWN ' expected-known.txt || true)
found=0
while read -r _ key _; do
	if grep -qF "$key" "$work/found.txt"; then found=$((found + 1)); else echo "known true positive not found: $key" >&2; fi
done < <(grep -E '^KNOWN ' expected-known.txt)
echo "realworld: known true positives found: $found of $known (recall on the known set)"
[ "$found" -eq "$known" ] || fail "recall lost on the known true positives"
