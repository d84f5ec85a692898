#!/usr/bin/env bash
# PL2001 (mojibake) alone on the Hugging Face blog corpus, timed (GNU time, runs taken in turn: A B A B ...) in the same
# run as its peer, rumdl's MD083 alone, and (with BASE=<commit>) as PL2001 of an earlier commit. Ratios only; the load average is printed before
# and after, since timings on a shared machine mean little without it. Not part of the tests or CI.
#
#   bench/mojibake.sh                       # 5 paired runs against rumdl MD083
#   BASE=e5461e0 bench/mojibake.sh          # also against PL2001 as built from that commit
#   RUNS=9 RUMDL=/path/to/rumdl bench/mojibake.sh
#
# rumdl: $RUMDL, else `rumdl` on PATH, else installed with npm into the temporary folder (its native binary is timed,
# not the Node wrapper). Both tools run cold (no cache) with every other rule off; the CLI is the framework-dependent
# Release build of src/PolicyLint.Cli.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${POLICYLINT_SHARED:-$root/../shared}"
corpus="$shared/corpus/hf-blog"
runs="${RUNS:-5}"
die() { echo "mojibake bench: $*" >&2; exit 2; }
[[ -d "$corpus" ]] || die "corpus not found: $corpus (set POLICYLINT_SHARED to the folder holding corpus/)"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed: apt-get install time"

work="$(mktemp -d "${TMPDIR:-/tmp}/policylint-mojibake-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rumdl="${RUMDL:-$(command -v rumdl || true)}"
if [[ -z "$rumdl" ]]; then
  command -v npm >/dev/null || die "rumdl not found and npm missing"
  echo "Installing rumdl from npm into $work/npm ..."
  ( cd "$work" && mkdir npm && cd npm && npm init -y >/dev/null && npm install --no-audit --no-fund rumdl >/dev/null 2>&1 ) \
    || die "npm install rumdl failed"
  rumdl="$(find "$work/npm/node_modules/@rumdl" -maxdepth 2 -type f -name rumdl | head -1)"
fi
[[ -x "$rumdl" ]] || die "no rumdl binary"

build() { # build <source root> <output dir>
  nice -n 10 dotnet build "$1/src/PolicyLint.Cli" -c Release -o "$2" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; die "build failed: $1"; }
}
echo "Building PolicyLint.Cli (Release) ..."
build "$root" "$work/cli"
# Every other rule off, no config discovery, no cache: the cost of PL2001 on top of reading and parsing.
printf 'rules:\n  PL2001: error\n' >"$work/only.yml"
pl=("$work/cli/PolicyLint.Cli" "$corpus" -c "$work/only.yml" --select PL2001 --no-cache -q --no-color)
peer="$rumdl check $corpus --enable MD083 --no-cache --no-config"

# paired <runs> <A command...> -- <B command...>: A and B in turn, after one warm-up each; prints the median wall and CPU
# seconds of each, and the median of the per-pair wall ratios A/B (pairing keeps the ratio when the machine's speed drifts).
paired() {
  local n="$1"; shift
  local a=() b=() seen=0
  for x in "$@"; do if [[ "$x" == "--" ]]; then seen=1; elif (( seen )); then b+=("$x"); else a+=("$x"); fi; done
  local t="$work/time.out" rows="$work/pairs.txt"; : >"$rows"
  one() { /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>&1 || true; tail -1 "$t"; }
  one "${a[@]}" >/dev/null; one "${b[@]}" >/dev/null
  for ((i = 0; i < n; i++)); do echo "$(one "${a[@]}") $(one "${b[@]}")" >>"$rows"; done
  awk '{ aw[NR]=$1; ac[NR]=$2+$3; bw[NR]=$4; bc[NR]=$5+$6; r[NR]=($4>0 ? $1/$4 : 0) }
    function med(v, n,   i, j, t, c) { for (i = 1; i <= n; i++) c[i] = v[i];
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
      return n % 2 ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2 }
    END { printf "  A wall %.3f s  cpu %.3f s\n  B wall %.3f s  cpu %.3f s\n  A/B wall %.3f (median of %d pairs)\n",
      med(aw, NR), med(ac, NR), med(bw, NR), med(bc, NR), med(r, NR), NR }' "$rows"
}

echo "PolicyLint $(git -C "$root" rev-parse --short HEAD), rumdl $("$rumdl" --version | awk '{print $NF}'), corpus $(find "$corpus" -name '*.md' | wc -l) files"
echo "PL2001 findings: $("${pl[@]}" 2>&1 | grep -c PL2001 || true); MD083 findings: $($peer 2>&1 | grep -c MD083 || true)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== PL2001 (A) against rumdl MD083 (B)"
paired "$runs" "${pl[@]}" -- $peer

if [[ -n "${BASE:-}" ]]; then
  echo "Building PolicyLint.Cli at $BASE ..."
  mkdir "$work/base-src"
  git -C "$root" archive "$BASE" | tar -x -C "$work/base-src"
  build "$work/base-src" "$work/base"
  base=("$work/base/PolicyLint.Cli" "$corpus" -c "$work/only.yml" --select PL2001 --no-cache -q --no-color)
  echo "PL2001 findings at $BASE: $("${base[@]}" 2>&1 | grep -c PL2001 || true)"
  echo "== PL2001 now (A) against PL2001 at $BASE (B)"
  paired "$runs" "${pl[@]}" -- "${base[@]}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
