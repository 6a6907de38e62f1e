#!/usr/bin/env bash
# End to end on the integration module (testdata/integration), which requires
# the real gin, echo, fiber, chi and grpc modules:
#   1. the standalone binary's output equals expected.txt, exit status 3;
#   2. every line marked `// want RULE` is reported by RULE, and nothing else;
#   3. `go vet -vettool` reports the same findings.
# Usage: scripts/e2e-integration.sh path/to/authchallenge
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../testdata/integration"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "e2e-integration: FAIL: $*" >&2; exit 1; }

go mod download

set +e
"$tool" ./... >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
[ "$status" -eq 3 ] || { cat "$work/err.txt" >&2; fail "standalone exit status $status, want 3"; }
[ ! -s "$work/err.txt" ] || { cat "$work/err.txt" >&2; fail "standalone wrote to stderr"; }
if [ "${UPDATE:-}" = 1 ]; then cp "$work/out.txt" expected.txt; fi
diff -u expected.txt "$work/out.txt" || fail "standalone output differs from expected.txt (UPDATE=1 rewrites it after review)"

grep -rnE --include='*.go' '// want [a-z]+$' . | sed -E 's#^\./##; s#^([^:]+):([0-9]+):.*// want ([a-z]+)$#\1:\2 \3#' | sort >"$work/marked.txt"
sed -E 's#^([^:]+):([0-9]+):.*\(([a-z]+)\)$#\1:\2 \3#' "$work/out.txt" | sort -u >"$work/found.txt"
diff -u "$work/marked.txt" "$work/found.txt" || fail "reported lines differ from the lines marked // want RULE"

set +e
go vet -vettool="$tool" ./... 2>"$work/vet.txt"
status=$?
set -e
[ "$status" -ne 0 ] || fail "go vet -vettool found nothing"
grep -v '^#' "$work/vet.txt" | grep -v $': \t' | sed 's#^\./##' | sort >"$work/vet-sorted.txt"  # related lines dropped
sed -E 's/ \([a-z]+\)$//' "$work/out.txt" | sort >"$work/want-vet.txt"
diff -u "$work/want-vet.txt" "$work/vet-sorted.txt" || fail "go vet -vettool output differs from the standalone findings"

n=$(wc -l <"$work/out.txt")
echo "e2e-integration: ok: $n findings, standalone and go vet agree, every marked line reported"
