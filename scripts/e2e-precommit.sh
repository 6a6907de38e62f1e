#!/usr/bin/env bash
# e2e-precommit.sh [REPO] — run the pre-commit hooks of .pre-commit-hooks.yaml
# with the real pre-commit, from a user's repository, end to end.
#
# REPO (default: the repository holding this script) is used by path, as a
# user's .pre-commit-config.yaml would name it by URL. pre-commit clones the
# `rev:` it is given, so a work tree with changes (tracked or untracked, not
# ignored) is first copied into a scratch repository and committed there:
# the test sees what is on disk.
#
# For each hook (authchallenge, authchallenge-vet) it asserts that
# `pre-commit run HOOK --all-files` fails on a tiny module whose handler
# answers a bare 401, printing the nochallenge message, and passes once the
# handler sets WWW-Authenticate.
#
# Needs git, Go on PATH and pre-commit; when pre-commit is missing and the
# script runs as root with apt-get, it installs it (apt-get update first).
# Runs are isolated: PRE_COMMIT_HOME and every repository are in a temp dir.
# Go is the one on PATH (GOTOOLCHAIN=local): pre-commit never downloads Go.
set -euo pipefail

die() { echo "e2e-precommit: FAIL: $*" >&2; exit 1; }
log() { echo "e2e-precommit: $*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

start=$(now)
repo=${1:-$(dirname "$0")/..}
repo=$(cd "$repo" && git rev-parse --show-toplevel) || die "$1 is not a git repository"
[ -f "$repo/.pre-commit-hooks.yaml" ] || die "$repo has no .pre-commit-hooks.yaml"

# --- tools --------------------------------------------------------------------

if ! command -v pre-commit >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		log "installing pre-commit with apt-get"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q
		apt-get install -y -q pre-commit
	else
		die "pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit)"
	fi
fi
command -v go >/dev/null 2>&1 || die "go is not on PATH"
log "$(pre-commit --version), $(go version)"

# The machine's Go, never a download: no toolchain switch, and the module
# cache the build already filled (pre-commit sets GOPATH to the hook's
# environment when it runs go install; an explicit GOMODCACHE wins over it).
export GOTOOLCHAIN=local
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE

# pre-commit's golang language picks "system" Go only when go is found
# outside the home directory and not in a shims directory; otherwise it
# downloads a Go release. Pin it in that case (the hooks themselves set no
# language_version).
gobin=$(command -v go) # as found on PATH, symlinks unresolved, as pre-commit looks
language_version=
case "$gobin" in
*/shims/*) language_version=system ;;
"$HOME"/*) [ "$HOME" = / ] || language_version=system ;;
esac
[ -z "$language_version" ] || log "go is $gobin (home or shims): pinning language_version: system"

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/pre-commit-home
unset PRE_COMMIT_COLOR GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
git() { command git -c user.name=e2e-precommit -c user.email=e2e-precommit@example.invalid \
	-c commit.gpgsign=false -c init.defaultBranch=main "$@"; }

# --- the hook repository: REPO at HEAD, or a snapshot of its work tree ---------

hookrepo=$repo
rev=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=normal)" ]; then
	hookrepo=$tmp/hookrepo
	git clone -q "$repo" "$hookrepo"
	git -C "$hookrepo" rm -rq --cached . >/dev/null
	find "$hookrepo" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
	# Tracked and untracked files, not ignored ones; deleted files stay deleted.
	git -C "$repo" ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do
			if [ -e "$repo/$f" ] || [ -L "$repo/$f" ]; then printf '%s\0' "$f"; fi
		done |
		tar -C "$repo" --null -T - -cf - | tar -C "$hookrepo" -xf -
	git -C "$hookrepo" add -A
	git -C "$hookrepo" commit -qm "e2e-precommit: work tree of ${rev:0:12}"
	rev=$(git -C "$hookrepo" rev-parse HEAD)
	log "work tree has changes: testing a snapshot commit of it (${rev:0:12})"
else
	log "testing HEAD (${rev:0:12})"
fi

# --- the user's repository ---------------------------------------------------

user=$tmp/user
mkdir -p "$user"
cd "$user"
git init -q .
cat >go.mod <<'EOF'
module example.com/precommitdemo

go 1.22
EOF
write_handler() { # $1: the line before the 401 (line 9; the 401 is on line 10)
	cat >handler.go <<EOF
// Package demo is the handler the pre-commit hooks check.
package demo

import "net/http"

// Protected answers 401 when the request carries no credentials.
func Protected(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := r.BasicAuth(); !ok {
		$1
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
EOF
	gofmt -w handler.go
}
write_handler '// no challenge set on this path'
{
	echo "repos:"
	echo "  - repo: $hookrepo"
	echo "    rev: $rev"
	echo "    hooks:"
	echo "      - id: authchallenge"
	[ -z "$language_version" ] || echo "        language_version: $language_version"
	echo "      - id: authchallenge-vet"
	[ -z "$language_version" ] || echo "        language_version: $language_version"
} >.pre-commit-config.yaml
git add -A

# --- install once (go install ./... of the hook repository), then run -----------

t=$(now)
pre-commit install-hooks --config .pre-commit-config.yaml >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; die "pre-commit install-hooks failed"; }
log "install-hooks: $(since "$t")"
envs=$(cd "$PRE_COMMIT_HOME" && find . -maxdepth 2 -type d -name 'golangenv-*' -printf '%f\n' | sort -u)
[ "$envs" = golangenv-system ] || die "want one golangenv-system environment (the machine's Go), got: ${envs:-none}"
[ -z "$(find "$PRE_COMMIT_HOME" -maxdepth 3 -path '*/golangenv-*/.go')" ] || die "pre-commit downloaded a Go toolchain"

want='401 response without a WWW-Authenticate challenge'
run() { # $1: hook id, $2: want "fail" or "pass"
	local out status=0 t
	t=$(now)
	out=$(pre-commit run "$1" --all-files --color never 2>&1) || status=$?
	case "$2" in
	fail)
		[ "$status" -ne 0 ] || { echo "$out"; die "$1 passed on a bare 401"; }
		grep -qF "$want" <<<"$out" || { echo "$out"; die "$1 failed without the nochallenge message"; }
		grep -qF 'handler.go:10:' <<<"$out" || { echo "$out"; die "$1 did not point at handler.go:10"; }
		;;
	pass)
		[ "$status" -eq 0 ] || { echo "$out"; die "$1 failed once the challenge is set"; }
		grep -qE "^authchallenge.*Passed$" <<<"$out" || { echo "$out"; die "$1 did not run (skipped?)"; }
		;;
	esac
	log "$1: ${2}ed as expected ($(since "$t"))"
	sed 's/^/    | /' <<<"$out"
}

run authchallenge fail
run authchallenge-vet fail

write_handler 'w.Header().Set("WWW-Authenticate", `Basic realm="demo"`)'
git add -A
run authchallenge pass
run authchallenge-vet pass

log "ok ($(since "$start") in all)"
