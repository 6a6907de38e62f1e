#!/usr/bin/env bash
# End to end for the golangci-lint module plugin (analyzer/golangci) on the
# integration module (testdata/integration, real gin, echo, fiber, chi, grpc):
#   1. build golangci-lint with the plugin compiled in from tools/golangci
#      (the module proxy only: no clone of golangci-lint) into BIN_DIR;
#   2. run it with testdata/integration/.golangci.yml; the normalised output
#      equals golangci-expected.txt, exit status 1 (issues found), nothing on
#      stderr;
#   3. every line marked `// want RULE` is reported by RULE, except the lines
#      carrying //nolint:authchallenge, which must not be; nothing else is
#      reported;
#   4. the findings are the standalone command's (expected.txt) minus the
#      //nolint:authchallenge lines.
# Normalised form, one finding a line, sorted by position:
#   file:line:col: rule: message (authchallenge)
# (a finding's related information is a line of its own,
#   file:line:col: rule(related information): message (authchallenge)
# compared with golangci-expected.txt only).
# Usage: scripts/e2e-golangci.sh BIN_DIR        (UPDATE=1 rewrites golangci-expected.txt)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BIN_DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
bin=$(cd "$1" && pwd)/golangci-lint-authchallenge
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "e2e-golangci: FAIL: $*" >&2; exit 1; }

echo "e2e-golangci: building $(basename "$bin") (tools/golangci)"
(cd "$root/tools/golangci" && go build -o "$bin" .)
"$bin" version

cd "$root/testdata/integration"
go mod download

# A fresh result cache: golangci-lint would otherwise replay the findings of
# an earlier run of an older plugin.
export GOLANGCI_LINT_CACHE="$work/cache"
set +e
"$bin" run --config .golangci.yml \
	--output.text.path=stdout --output.text.colors=false \
	--output.text.print-issued-lines=false --output.text.print-linter-name=true \
	--show-stats=false --issues-exit-code=1 \
	./... >"$work/raw.txt" 2>"$work/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/raw.txt" "$work/err.txt" >&2; fail "golangci-lint exit status $status, want 1 (issues found)"; }
[ ! -s "$work/err.txt" ] || { cat "$work/err.txt" >&2; fail "golangci-lint wrote to stderr"; }

# Normalise: no colour codes, no leading ./, sorted by file, line, column.
sed -e 's/\x1b\[[0-9;]*m//g' -e 's#^\./##' "$work/raw.txt" | LC_ALL=C sort -t: -k1,1 -k2,2n -k3,3n -k4 >"$work/out.txt"
if grep -v ' (authchallenge)$' "$work/out.txt" >"$work/other.txt"; then
	cat "$work/other.txt" >&2
	fail "lines not from the authchallenge linter (load or type errors?)"
fi
if [ "${UPDATE:-}" = 1 ]; then cp "$work/out.txt" golangci-expected.txt; fi
diff -u golangci-expected.txt "$work/out.txt" || fail "output differs from golangci-expected.txt (UPDATE=1 rewrites it after review)"

# Marked lines: "file:line rule" for each rule named by the `// want RULE…`
# that ends the line; those with //nolint:authchallenge are the suppressed ones.
LC_ALL=C grep -rnE --include='*.go' '// want [a-z]+( [a-z]+)* *$' . | sed 's#^\./##' | awk '{
	split($0, f, ":"); pos = f[1] ":" f[2]
	rest = $0; sub(/^.*\/\/ want /, "", rest)
	n = split(rest, rules, /[ \t]+/)
	for (i = 1; i <= n; i++) if (rules[i] != "") print pos " " rules[i]
}' | LC_ALL=C sort -u >"$work/marked.txt"
grep -rn --include='*.go' '//nolint:authchallenge' . | cut -d: -f1,2 | sed 's#^\./##' | LC_ALL=C sort -u >"$work/nolint.txt"
[ -s "$work/nolint.txt" ] || fail "no //nolint:authchallenge line in testdata/integration: nothing checks suppression"
awk 'NR == FNR { skip[$0] = 1; next } !(($1) in skip)' "$work/nolint.txt" "$work/marked.txt" >"$work/want.txt"
# Findings only: golangci-lint also prints each diagnostic's related
# information as a line of its own ("rule(related information): …").
grep -E '^[^ ]+:[0-9]+:[0-9]+: [a-z]+: ' "$work/out.txt" >"$work/findings.txt" || true
sed -E 's/^([^:]+:[0-9]+):[0-9]+: ([a-z]+): .*/\1 \2/' "$work/findings.txt" | LC_ALL=C sort -u >"$work/found.txt"

while read -r pos; do
	if grep -q "^$pos " "$work/found.txt"; then fail "$pos has //nolint:authchallenge but was reported"; fi
	grep -q "^$pos " "$work/marked.txt" || fail "$pos has //nolint:authchallenge but no // want marker (the standalone command reports it)"
done <"$work/nolint.txt"
diff -u "$work/want.txt" "$work/found.txt" || fail "reported lines differ from the lines marked // want RULE (without //nolint:authchallenge)"

# Same findings as the standalone command, in its form, minus the nolint lines.
sed -E 's/^([^ ]+) ([a-z]+): (.*) \(authchallenge\)$/\1 \3 (\2)/' "$work/findings.txt" | LC_ALL=C sort >"$work/as-standalone.txt"
awk 'NR == FNR { skip[$0] = 1; next } { split($0, f, ":") } !((f[1] ":" f[2]) in skip)' "$work/nolint.txt" expected.txt |
	LC_ALL=C sort >"$work/standalone.txt"
diff -u "$work/standalone.txt" "$work/as-standalone.txt" || fail "findings differ from expected.txt (the standalone command's) minus the //nolint:authchallenge lines"

n=$(wc -l <"$work/findings.txt")
s=$(wc -l <"$work/nolint.txt")
echo "e2e-golangci: ok: $n findings, $s suppressed by //nolint:authchallenge, every other marked line reported, same as the standalone command"
