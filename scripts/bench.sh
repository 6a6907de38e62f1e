#!/usr/bin/env bash
# Benchmarks authchallenge against the floor (the same driver with a no-op
# analyzer: load + type-check only), go vet and staticcheck, and prints a
# Markdown table of the median wall time and peak RSS of each.
#
#   scripts/bench.sh [-runs N] [-cold-runs N] [-staticcheck-runs N] [-inputs LIST] [-corpus DIR] [-o FILE]
#   scripts/bench.sh -smoke
#
#   -runs N        timed runs per row, medians reported (default 5)
#   -cold-runs N   rounds that include the cold/cached pairs (fresh GOCACHE;
#                  they are by far the slowest rows); default: -runs
#   -staticcheck-runs N
#                  rounds that include the staticcheck row beside the
#                  standalone ones (minutes per round); default: -runs
#   -inputs LIST   comma-separated subset of: corpus,caddy,apiserver,apiserver1,std,synth10,synth100,synth1000
#                  (apiserver1: k8s.io/apiserver/pkg/endpoints/filters named alone)
#   -corpus DIR    the real-world corpus module (default testdata/realworld);
#                  packages.txt in it lists the packages to lint (./... without it)
#   -o FILE        also write the report (Markdown) to FILE
#   -smoke         1 run; synth10 only; floor, authchallenge standalone (without
#                  and with the result cache, cold and warm) and the cached
#                  go vet -vettool row. Exits non-zero if any tool fails.
#
# The standalone rows: authchallenge with -cache=false (the analysis every
# time), then with an empty result cache (cold: analysis plus writing the
# entries) and the run after it on the same cache (warm: go list, keys and
# reading the entries). The floor runs with -cache=false.
#
# Every row runs in this process tree, one tool after the other, round by
# round, so that all tools see the same machine state. Wall time and peak RSS
# come from GNU time (`time -f '%e %M'`); peak RSS is that of the largest
# single process (GNU time reports the biggest child, not the sum of a tree).
# Modules are downloaded before any timed run; timed runs use GOPROXY=off.
# A tool "fails" when its exit status is not its success: 0 for the floor,
# 0 or 3 (findings) for authchallenge, 0 for go vet or 1 when its stderr
# holds diagnostics and no load or type error, 0 or 1 with diagnostics (and
# no compile error) for staticcheck. The script exits 1 if any tool failed.
set -euo pipefail

# The whole script is one compound command: bash reads it all before
# running it, so that editing this file during a long run is safe.
{

root=$(cd "$(dirname "$0")/.." && pwd)
runs=5
cold_runs=
sc_runs=
smoke=0
inputs=corpus,caddy,apiserver,apiserver1,std,synth10,synth100,synth1000
corpus=$root/testdata/realworld
staticcheck_version=v0.8.2
report=

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	-runs) runs=${2:?}; shift 2 ;;
	-cold-runs) cold_runs=${2:?}; shift 2 ;;
	-staticcheck-runs) sc_runs=${2:?}; shift 2 ;;
	-inputs) inputs=${2:?}; shift 2 ;;
	-corpus) corpus=$(cd "${2:?}" && pwd); shift 2 ;;
	-o) report=${2:?}; shift 2 ;;
	-smoke) smoke=1; shift ;;
	-h | -help | --help) usage ;;
	*) echo "bench: unknown argument $1" >&2; usage ;;
	esac
done
if [ "$smoke" = 1 ]; then
	runs=1
	cold_runs=0
	inputs=synth10
fi
cold_runs=${cold_runs:-$runs}
sc_runs=${sc_runs:-$runs}
case $runs$cold_runs$sc_runs in *[!0-9]*) echo "bench: -runs, -cold-runs and -staticcheck-runs take numbers" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "bench: -runs must be at least 1" >&2; exit 2; }
[ "$cold_runs" -le "$runs" ] || cold_runs=$runs

export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
if [ -n "$report" ]; then
	: >"$report"
	report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
fi

work=$(mktemp -d -t authchallenge-bench.XXXXXX)
cleanup() {
	chmod -R u+w "$work" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
interrupted=0
on_signal() {
	trap - INT TERM
	interrupted=1
	log "interrupted: reporting what was measured so far"
	if declare -F report >/dev/null; then report || true; fi
	exit 130
}
trap on_signal INT TERM

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
load_start=$(loadavg)
started=$(date +%s)

log() { printf 'bench: %s\n' "$*" >&2; }
notes=()
note() { notes+=("$*"); log "$*"; }
failures=()
fail() { failures+=("$*"); log "FAIL: $*"; }

# GNU time, installed from the Debian package if missing.
timebin=$(type -P time || true)
if [ -z "$timebin" ] || ! "$timebin" -f '%e %M' true >/dev/null 2>&1; then
	log "GNU time is missing: installing the Debian package time (apt-get update, apt-get install time)"
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq >&2
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
	timebin=$(type -P time)
	note "GNU time was missing: installed the Debian package time (apt-get update; apt-get install time)."
fi

# --- tools -------------------------------------------------------------------

bin=$work/bin
mkdir -p "$bin"
log "building authchallenge, the floor and the generator"
(cd "$root" && go build -o "$bin/authchallenge" ./cmd/authchallenge &&
	go build -o "$bin/floor" ./bench/cmd/floor &&
	go build -o "$bin/synth" ./bench/synth)

staticcheck=
if [ "$smoke" = 0 ]; then
	gobin=$root/bench/.bin
	mkdir -p "$gobin"
	log "installing staticcheck@$staticcheck_version"
	if (cd "$work" && GOBIN=$gobin go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version") >&2; then
		staticcheck=$gobin/staticcheck
	else
		newest=$(cd "$work" && go list -m -versions honnef.co/go/tools 2>/dev/null | tr ' ' '\n' | grep -v -- '-' | tail -1 || true)
		if [ -n "$newest" ] && (cd "$work" && GOBIN=$gobin go install "honnef.co/go/tools/cmd/staticcheck@$newest") >&2; then
			staticcheck=$gobin/staticcheck
			note "staticcheck@$staticcheck_version could not be installed; used $newest, the newest the module proxy serves."
		else
			fail "staticcheck: neither $staticcheck_version nor the newest version could be installed"
		fi
	fi
fi

# --- inputs ------------------------------------------------------------------
# Each input: a directory to run in, the packages to name, and a package
# count for the per-package column (synthetic modules only).

declare -A in_dir in_pkgs in_count
selected=()
has_input() { case ",$inputs," in *",$1,"*) return 0 ;; esac; return 1; }

corpus_packages() {
	if [ -f "$corpus/packages.txt" ]; then
		sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$corpus/packages.txt" | tr '\n' ' '
	else
		echo ./...
	fi
}

if has_input corpus; then
	if [ -f "$corpus/go.mod" ]; then
		in_dir[corpus]=$corpus
		in_pkgs[corpus]=$(corpus_packages)
		selected+=(corpus)
	else
		note "the corpus module ($(basename "$corpus")) has no go.mod: corpus rows skipped"
	fi
fi

# caddy and apiserver are linted as dependencies from inside the corpus
# module. Their test files and optional packages import modules that are in
# the build list but whose checksums the corpus's go.sum lacks, so a copy of
# the corpus module gets those checksums (the build list does not change).
if has_input caddy || has_input apiserver || has_input apiserver1; then
	if [ -f "$corpus/go.mod" ]; then
		deps=$work/corpus-deps
		mkdir -p "$deps"
		cp "$corpus"/go.mod "$corpus"/go.sum "$deps"/
		cp "$corpus"/*.go "$deps"/ 2>/dev/null || true
		big=()
		has_input caddy && big+=('github.com/caddyserver/caddy/v2/...')
		{ has_input apiserver || has_input apiserver1; } && big+=('k8s.io/apiserver/...')
		log "completing go.sum for ${big[*]} in a copy of the corpus module"
		(cd "$deps" && GOFLAGS="${GOFLAGS:-} -mod=mod" go list -e -test -deps "${big[@]}" >/dev/null)
		if ! cmp -s "$corpus/go.mod" "$deps/go.mod"; then
			note "completing go.sum also changed go.mod in the copy of the corpus module (the build list of the caddy/apiserver rows differs from the corpus's)"
		fi
		has_input caddy && { in_dir[caddy]=$deps; in_pkgs[caddy]='github.com/caddyserver/caddy/v2/...'; selected+=(caddy); }
		has_input apiserver && { in_dir[apiserver]=$deps; in_pkgs[apiserver]='k8s.io/apiserver/...'; selected+=(apiserver); }
		has_input apiserver1 && { in_dir[apiserver1]=$deps; in_pkgs[apiserver1]='k8s.io/apiserver/pkg/endpoints/filters'; selected+=(apiserver1); }
		note "caddy and apiserver rows: the whole modules (patterns github.com/caddyserver/caddy/v2/... and k8s.io/apiserver/...), tests included, linted from a copy of the corpus module whose go.sum was completed for their test and optional imports."
	else
		note "the corpus module has no go.mod: caddy and apiserver rows skipped"
	fi
fi

# The standard library: nothing in it is HTTP authentication, so it measures
# the passes' fast path (packages that import nothing HTTP-, framework- or
# gRPC-related).
if has_input std; then
	in_dir[std]=$root
	in_pkgs[std]=std
	selected+=(std)
fi

for n in 10 100 1000; do
	has_input "synth$n" || continue
	d=$work/synth$n
	"$bin/synth" -n "$n" -o "$d"
	in_dir[synth$n]=$d
	in_pkgs[synth$n]=./...
	in_count[synth$n]=$n
	selected+=("synth$n")
done
[ ${#selected[@]} -gt 0 ] || { echo "bench: no inputs selected" >&2; exit 2; }

# --- report ------------------------------------------------------------------

# median FILE COLUMN
median() {
	cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR] = $1} END {
		if (NR == 0) exit
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

tool_label() {
	case $1 in
	floor) echo "floor (no-op analyzer, standalone)" ;;
	authchallenge) echo "authchallenge standalone, -cache=false" ;;
	authchallenge-cache-cold) echo "authchallenge standalone, empty result cache" ;;
	authchallenge-cache-warm) echo "authchallenge standalone, warm result cache" ;;
	staticcheck-warm) echo "staticcheck, warm build cache, empty analysis cache" ;;
	staticcheck-rerun) echo "staticcheck, warm build cache, warm analysis cache" ;;
	vet-authchallenge-cold) echo "go vet -vettool=authchallenge, cold" ;;
	vet-authchallenge-cached) echo "go vet -vettool=authchallenge, cached" ;;
	vet-cold) echo "go vet (stock), cold" ;;
	vet-cached) echo "go vet (stock), cached" ;;
	staticcheck-cold) echo "staticcheck, cold" ;;
	staticcheck-cached) echo "staticcheck, cached" ;;
	esac
}

input_label() {
	case $1 in
	corpus) echo "corpus ($(wc -w <<<"${in_pkgs[corpus]}") packages)" ;;
	caddy) echo "caddy/v2/..." ;;
	apiserver) echo "k8s.io/apiserver/..." ;;
	apiserver1) echo "k8s.io/apiserver/pkg/endpoints/filters alone" ;;
	std) echo "std (standard library)" ;;
	synth*) echo "synthetic, ${in_count[$1]} packages" ;;
	esac
}

report() {
	tools=(floor authchallenge authchallenge-cache-cold authchallenge-cache-warm staticcheck-warm staticcheck-rerun vet-authchallenge-cold vet-authchallenge-cached vet-cold vet-cached staticcheck-cold staticcheck-cached)
	local -A wall rss
	local checks=() input tool f w m n fw fr rw rr per aw ar vc sc vk sk c cw cc lim
	{
		echo "## authchallenge benchmark"
		echo
		echo "- $(date -u '+%Y-%m-%d %H:%M UTC'); $(go version | sed 's/^go version //'); $(nproc) CPUs$(awk '/^MemTotal/ {printf ", %.0f GB RAM", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
		echo "- medians of $runs run(s) per row$([ "$smoke" = 0 ] && [ "$cold_runs" != "$runs" ] && echo " ($cold_runs for the cold and cached rows)")$([ "$smoke" = 1 ] && echo '; smoke mode')"
		echo "- the build cache was warmed once per input before the standalone rows (one untimed run of the floor), so export data exists; the standalone rows use the default GOCACHE"
		echo "- cold: a fresh, empty GOCACHE in a temporary directory, so the compiler rebuilds the export data of every dependency (standard library included) and go vet analyses them again; cached: the second run on the same GOCACHE$([ -n "$staticcheck" ] && echo "; staticcheck gets a fresh STATICCHECK_CACHE with its cold runs")"
		[ "$smoke" = 1 ] && echo "- the cached go vet row follows one untimed go vet run on the default GOCACHE"
		[ -n "$staticcheck" ] && echo "- $("$staticcheck" -version 2>/dev/null | head -1)"
		echo "- peak RSS: the largest single process (GNU time); for go vet that is the go command or one vet tool process, for the standalone tools the driver or the go list it starts"
		echo "- ratios are to the floor on the same input"
		[ "$interrupted" = 0 ] || echo "- INTERRUPTED: the rows hold the runs measured before the signal"
		echo "- load average (1, 5, 15 min) at the start: $load_start; at the end: $(loadavg); the bench took $(( ($(date +%s) - started + 30) / 60 )) min"
		for n in ${notes[@]+"${notes[@]}"}; do echo "- $n"; done
		echo
		echo "| input | tool | runs | wall median (s) | peak RSS median (MB) | × floor wall | × floor RSS | ms/package |"
		echo "|---|---|---:|---:|---:|---:|---:|---:|"
		for input in "${selected[@]}"; do
			fw= fr=
			if [ -s "$work/res/$input.floor" ]; then
				fw=$(median "$work/res/$input.floor" 1)
				fr=$(median "$work/res/$input.floor" 2)
			fi
			for tool in "${tools[@]}"; do
				f=$work/res/$input.$tool
				[ -s "$f" ] || continue
				w=$(median "$f" 1)
				m=$(median "$f" 2)
				wall[$input.$tool]=$w
				rss[$input.$tool]=$m
				n=$(wc -l <"$f")
				rw=- rr=- per=-
				[ -n "$fw" ] && rw=$(awk -v a="$w" -v b="$fw" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')
				[ -n "$fr" ] && rr=$(awk -v a="$m" -v b="$fr" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')
				[ -n "${in_count[$input]:-}" ] && per=$(awk -v a="$w" -v n="${in_count[$input]}" 'BEGIN {printf "%.1f", a * 1000 / n}')
				printf '| %s | %s | %d | %.2f | %.0f | %s | %s | %s |\n' \
					"$(input_label "$input")" "$(tool_label "$tool")" "$n" "$w" "$(awk -v k="$m" 'BEGIN {print k / 1024}')" "$rw" "$rr" "$per"
			done
		done
		# The performance targets.
		for input in "${selected[@]}"; do
			fw=${wall[$input.floor]:-} fr=${rss[$input.floor]:-}
			aw=${wall[$input.authchallenge]:-} ar=${rss[$input.authchallenge]:-}
			# The standalone analysis: 1.3× the floor on the real-code
			# rows the targets name, 1.6× on the synthetic module (HTTP
			# code end to end, the worst case); the other rows are shown
			# without a target.
			lim=
			case $input in corpus | caddy | apiserver) lim=1.3 ;; synth1000) lim=1.6 ;; esac
			if [ -n "$fw" ] && [ -n "$aw" ] && [ -n "$lim" ]; then
				checks+=("$(awk -v i="$input" -v a="$aw" -v b="$fw" -v c="$ar" -v d="$fr" -v l="$lim" 'BEGIN {
					printf "%s: standalone wall %.2f× floor (target ≤ %.1f×) %s, RSS %.2f× floor (target ≤ %.1f×) %s", i, a / b, l, (a <= l * b ? "ok" : "OVER"), c / d, l, (c <= l * d ? "ok" : "OVER") }')")
			fi
			# An empty result cache (the analysis plus writing the
			# entries): within 2.5× the floor on real code, and faster
			# than staticcheck's first run after a change.
			cc=${wall[$input.authchallenge-cache-cold]:-}
			if [ -n "$fw" ] && [ -n "$cc" ] && [ "${input#synth}" = "$input" ]; then
				checks+=("$(awk -v i="$input" -v a="$cc" -v b="$fw" 'BEGIN {
					printf "%s: standalone with an empty result cache %.2f× floor (target ≤ 2.5×) %s", i, a / b, (a <= 2.5 * b ? "ok" : "OVER") }')")
			fi
			sk=${wall[$input.staticcheck-warm]:-}
			if [ -n "$cc" ] && [ -n "$sk" ]; then
				checks+=("$(awk -v i="$input" -v a="$cc" -v b="$sk" 'BEGIN {
					printf "%s: standalone with an empty result cache %.2f× staticcheck with an empty analysis cache (target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			cw=${wall[$input.authchallenge-cache-warm]:-}
			if [ -n "$fw" ] && [ -n "$cw" ]; then
				checks+=("$(awk -v i="$input" -v a="$cw" -v b="$fw" 'BEGIN {
					printf "%s: standalone with a warm result cache %.2f× floor (go list, no type-checking: target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			sk=${wall[$input.staticcheck-rerun]:-}
			if [ -n "$cw" ] && [ -n "$sk" ]; then
				checks+=("$(awk -v i="$input" -v a="$cw" -v b="$sk" 'BEGIN {
					printf "%s: standalone with a warm result cache %.2f× staticcheck with a warm analysis cache (target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			vc=${wall[$input.vet-authchallenge-cold]:-} sc=${wall[$input.vet-cold]:-}
			if [ -n "$vc" ] && [ -n "$sc" ]; then
				checks+=("$(awk -v i="$input" -v a="$vc" -v b="$sc" 'BEGIN {
					printf "%s: go vet -vettool cold %.2f× stock go vet cold (target ≤ 1.2×) %s", i, a / b, (a <= 1.2 * b ? "ok" : "OVER") }')")
			fi
			sk=${wall[$input.staticcheck-cold]:-}
			if [ -n "$vc" ] && [ -n "$sk" ]; then
				checks+=("$(awk -v i="$input" -v a="$vc" -v b="$sk" 'BEGIN {
					printf "%s: go vet -vettool cold %.2f× staticcheck cold (target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			sk=${wall[$input.staticcheck-cached]:-} vk=${wall[$input.vet-authchallenge-cached]:-}
			if [ -n "$vk" ] && [ -n "$sk" ]; then
				checks+=("$(awk -v i="$input" -v a="$vk" -v b="$sk" 'BEGIN {
					printf "%s: go vet -vettool cached %.2f× staticcheck cached (target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			sk=${wall[$input.staticcheck-warm]:-}
			if [ -n "$aw" ] && [ -n "$sk" ]; then
				checks+=("$(awk -v i="$input" -v a="$aw" -v b="$sk" 'BEGIN {
					printf "%s: standalone %.2f× staticcheck with a warm build cache (target < 1×) %s", i, a / b, (a < b ? "ok" : "OVER") }')")
			fi
			vk=${wall[$input.vet-authchallenge-cached]:-}
			if [ "$input" = corpus ] && [ -n "$vk" ]; then
				checks+=("$(awk -v a="$vk" 'BEGIN { printf "corpus: go vet -vettool cached %.2f s (target ≤ 1 s) %s", a, (a <= 1 ? "ok" : "OVER") }')")
			fi
		done
		if [ ${#checks[@]} -gt 0 ]; then
			echo
			echo "Targets:"
			echo
			for c in "${checks[@]}"; do echo "- $c"; done
		fi
		if [ ${#failures[@]} -gt 0 ]; then
			echo
			echo "Failures:"
			echo
			for f in "${failures[@]}"; do echo "- $f"; done
		fi
	} >"$work/report.md"
	cat "$work/report.md"
	[ -z "$report" ] || cp "$work/report.md" "$report"
}

# --- measuring ---------------------------------------------------------------

# Each row's samples go to $work/res/<input>.<tool>, one "wall rss" line per run.
mkdir -p "$work/res" "$work/out"

# success TOOL RC OUT ERR: whether the exit status is the tool's success.
success() {
	local tool=$1 rc=$2 out=$3 err=$4
	case $tool in
	floor) [ "$rc" = 0 ] ;;
	authchallenge*) [ "$rc" = 0 ] || [ "$rc" = 3 ] ;;
	vet*)
		[ "$rc" = 0 ] && return 0
		[ "$rc" = 1 ] || return 1
		# Diagnostics only: "# pkg" headers, positions, indented continuations.
		grep -qE '^[^#[:space:]][^[:space:]]*\.go:[0-9]+:[0-9]+: ' "$err" || return 1
		! grep -vE '^(# |[^#[:space:]][^[:space:]]*\.go:[0-9]+:[0-9]+: |[[:space:]]|$)' "$err" | grep -q . || return 1
		! grep -qE '^vet: |^go: |: undefined: |could not import|cannot find package|no required module|missing go.sum|build constraints exclude|declared and not used|imported and not used|too many errors' "$err"
		;;
	staticcheck*)
		[ "$rc" = 0 ] && return 0
		[ "$rc" = 1 ] || return 1
		grep -qE '\.go:[0-9]+:[0-9]+: ' "$out" || return 1
		! grep -qE '\(compile\)$|^-: ' "$out"
		;;
	*) return 1 ;;
	esac
}

# measure INPUT TOOL ENV... -- CMD...: one timed run, recorded if it succeeds.
measure() {
	local input=$1 tool=$2
	shift 2
	local envs=()
	while [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	local tf=$work/out/time out=$work/out/$input.$tool.out err=$work/out/$input.$tool.err rc=0
	(cd "${in_dir[$input]}" && env GOPROXY=off ${envs[@]+"${envs[@]}"} "$timebin" -o "$tf" -f '%e %M' "$@" >"$out" 2>"$err") || rc=$?
	if success "$tool" "$rc" "$out" "$err"; then
		tail -n 1 "$tf" >>"$work/res/$input.$tool"
		log "  $input $tool: $(tail -n 1 "$tf") (exit $rc)"
		# The synthetic module answers 401 without a challenge on purpose:
		# a linter that reports nothing there has stopped working.
		if [ -n "${in_count[$input]:-}" ]; then
			case $tool in
			authchallenge*) [ "$rc" = 3 ] || fail "$input $tool: no findings on the synthetic module" ;;
			vet-authchallenge-*) [ "$rc" = 1 ] || fail "$input $tool: no findings on the synthetic module" ;;
			esac
		fi
		return 0
	fi
	fail "$input $tool: exit status $rc: $(grep -v '^#' "$err" | head -n 1)"
	sed -n '1,20p' "$err" >&2
	return 0
}

# A fresh, empty GOCACHE (and staticcheck cache) for a cold run.
fresh() { rm -rf "$work/cold"; mkdir -p "$work/cold/gocache" "$work/cold/sc"; }

vettool=$bin/authchallenge
for input in "${selected[@]}"; do
	read -r -a pkgs <<<"${in_pkgs[$input]}"
	dir=${in_dir[$input]}
	log "$input: downloading modules and warming the build cache (untimed)"
	(cd "$dir" && go list -e -test -deps "${pkgs[@]}" >/dev/null)
	# One untimed run of the floor: export data for the standalone rows.
	rc=0
	(cd "$dir" && GOPROXY=off "$bin/floor" -cache=false "${pkgs[@]}" >"$work/out/warm.out" 2>"$work/out/warm.err") || rc=$?
	if [ "$rc" != 0 ]; then
		fail "$input: the packages do not load or type-check (floor exit $rc): $(head -n 1 "$work/out/warm.err")"
		sed -n '2,20p' "$work/out/warm.err" >&2
		continue
	fi
	if [ "$smoke" = 1 ]; then
		# The cached row reuses the warm build cache: one untimed go vet
		# run first, the timed one is the second.
		(cd "$dir" && GOPROXY=off go vet -vettool="$vettool" "${pkgs[@]}" >/dev/null 2>&1) || true
	fi
	for ((r = 1; r <= runs; r++)); do
		log "$input: round $r/$runs"
		measure "$input" floor -- "$bin/floor" -cache=false "${pkgs[@]}"
		measure "$input" authchallenge -- "$bin/authchallenge" -cache=false "${pkgs[@]}"
		rm -rf "$work/rc"
		measure "$input" authchallenge-cache-cold -- "$bin/authchallenge" -cache-dir "$work/rc" "${pkgs[@]}"
		measure "$input" authchallenge-cache-warm -- "$bin/authchallenge" -cache-dir "$work/rc" "${pkgs[@]}"
		if [ -n "$staticcheck" ] && [ "$r" -le "$sc_runs" ]; then
			# The standalone rows' peer: the same warm build cache, an
			# empty analysis cache (what staticcheck does after a change).
			rm -rf "$work/sc-warm"
			mkdir -p "$work/sc-warm"
			measure "$input" staticcheck-warm STATICCHECK_CACHE="$work/sc-warm" -- "$staticcheck" "${pkgs[@]}"
			# The warm result cache's peer: the run after it, on the same
			# analysis cache.
			measure "$input" staticcheck-rerun STATICCHECK_CACHE="$work/sc-warm" -- "$staticcheck" "${pkgs[@]}"
		fi
		if [ "$smoke" = 1 ]; then
			measure "$input" vet-authchallenge-cached -- go vet -vettool="$vettool" "${pkgs[@]}"
			continue
		fi
		[ "$r" -le "$cold_runs" ] || continue
		fresh
		measure "$input" vet-authchallenge-cold GOCACHE="$work/cold/gocache" -- go vet -vettool="$vettool" "${pkgs[@]}"
		measure "$input" vet-authchallenge-cached GOCACHE="$work/cold/gocache" -- go vet -vettool="$vettool" "${pkgs[@]}"
		fresh
		measure "$input" vet-cold GOCACHE="$work/cold/gocache" -- go vet "${pkgs[@]}"
		measure "$input" vet-cached GOCACHE="$work/cold/gocache" -- go vet "${pkgs[@]}"
		if [ -n "$staticcheck" ]; then
			fresh
			measure "$input" staticcheck-cold GOCACHE="$work/cold/gocache" STATICCHECK_CACHE="$work/cold/sc" -- "$staticcheck" "${pkgs[@]}"
			measure "$input" staticcheck-cached GOCACHE="$work/cold/gocache" STATICCHECK_CACHE="$work/cold/sc" -- "$staticcheck" "${pkgs[@]}"
		fi
		rm -rf "$work/cold"
	done
done

report
[ ${#failures[@]} -eq 0 ] || exit 1
exit 0
}
