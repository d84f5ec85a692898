#!/usr/bin/env bash
# PolicyLint against rumdl and markdownlint-cli2 on the Hugging Face blog corpus (772 real posts).
#
#   bench/compare.sh                 # 5 interleaved runs of every tool
#   RUNS=9 bench/compare.sh          # more runs
#   SKIP_MARKDOWNLINT=1 bench/compare.sh   # markdownlint-cli2 takes ~25 s a run on the corpus
#   KEEP=1 bench/compare.sh          # keep the temporary folder (site tree, builds, raw timings)
#
# Needs: the .NET 10 SDK (+ gcc for Native AOT on Linux), npm, /usr/bin/time (GNU time), the corpus in
# $POLICYLINT_SHARED/corpus (default: ../shared next to the repository). Never part of the test suite; always exits 0
# once it has started measuring.
#
# Every tool runs with its DEFAULT rules. They check different things (PolicyLint: front matter, encoding, links,
# headings; rumdl and markdownlint: Markdown style), so this compares the cost of a lint run, not the findings.
set -uo pipefail
set -f # commands are built as words: no pathname expansion (markdownlint-cli2 expands its own '**/*.md')

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${POLICYLINT_SHARED:-$root/../shared}"
# A git worktree sits one level deeper (work/wt/<branch>): look a level further up before giving up.
[[ -z "${POLICYLINT_SHARED:-}" && ! -d "$shared/corpus" && -d "$root/../../shared/corpus" ]] && shared="$(cd "$root/../../shared" && pwd)"
corpus="$shared/corpus/hf-blog"
paths="$shared/corpus/hf-blog.paths.txt"
runs="${RUNS:-5}"

die() { echo "compare: $*" >&2; exit 2; }
[[ -d "$corpus" && -f "$paths" ]] || die "corpus not found: $corpus (set POLICYLINT_SHARED to the folder holding corpus/)"
command -v dotnet >/dev/null || die "dotnet not found"
command -v npm >/dev/null || die "npm not found"
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null || die "could not install GNU time"
  else
    die "GNU time (/usr/bin/time) is needed: apt-get install time"
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/policylint-bench.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "Keeping $work"; fi
log="$work/build.log"

# --- Tools ---------------------------------------------------------------------------------------------------------
echo "Installing rumdl and markdownlint-cli2 from npm into $work/npm ..."
mkdir -p "$work/npm"
( cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund rumdl markdownlint-cli2 >>"$log" 2>&1 ) \
  || die "npm install failed (see $log)"
# rumdl is a Rust binary shipped in a per-platform npm package; its bin/rumdl is a Node wrapper that spawns it.
# The native binary is timed (what 'cargo install rumdl' or pip's rumdl give you), not the Node start-up.
rumdl="$(find "$work/npm/node_modules/@rumdl" -maxdepth 2 -type f -name rumdl 2>/dev/null | head -1)"
[[ -x "$rumdl" ]] || rumdl="$work/npm/node_modules/.bin/rumdl"
mdl="$work/npm/node_modules/.bin/markdownlint-cli2"

case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
case "$(uname -s)" in Linux) rid="linux-$arch" ;; Darwin) rid="osx-$arch" ;; *) rid="win-$arch" ;; esac
cli="$root/src/PolicyLint.Cli"
echo "Publishing PolicyLint: Native AOT ($rid), ReadyToRun and portable (JIT) ..."
dotnet publish "$cli" -c Release -r "$rid" -p:PublishAot=true -o "$work/pl-aot" >>"$log" 2>&1 || die "AOT publish failed (see $log)"
dotnet publish "$cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/pl-r2r" >>"$log" 2>&1 \
  || die "ReadyToRun publish failed (see $log)"
dotnet publish "$cli" -c Release -o "$work/pl-jit" >>"$log" 2>&1 || die "portable publish failed (see $log)"

# --- Site tree: the corpus plus empty stand-ins for its non-Markdown files ------------------------------------------
site="$work/site"
mkdir -p "$site"
cp -R "$corpus/." "$site/"
chmod -R u+w "$site"
while IFS= read -r p; do
  [[ -z "$p" ]] && continue
  mkdir -p "$site/$(dirname "$p")"
  [[ -e "$site/$p" ]] || : >"$site/$p"
done <"$paths"
md_count=$(find "$site" -name '*.md' | wc -l)
all_count=$(find "$site" -type f | wc -l)
# The one-file case (a pre-commit hook on one staged file): the post of median size.
one="$(cd "$site" && find . -maxdepth 1 -name '*.md' -printf '%s %P\n' | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')"

# --- Runs ----------------------------------------------------------------------------------------------------------
names=("PolicyLint (AOT)" "PolicyLint (R2R)" "PolicyLint (JIT)" "rumdl" "markdownlint-cli2")
keys=(aot r2r jit rumdl mdl)
corpus_cmd() {
  case "$1" in
    aot) echo "$work/pl-aot/PolicyLint.Cli --no-color ." ;;
    r2r) echo "$work/pl-r2r/PolicyLint.Cli --no-color ." ;;
    jit) echo "$work/pl-jit/PolicyLint.Cli --no-color ." ;;
    rumdl) echo "$rumdl check --no-cache --no-config ." ;;
    mdl) echo "$mdl **/*.md" ;;
  esac
}
one_cmd() {
  case "$1" in
    aot) echo "$work/pl-aot/PolicyLint.Cli --no-color $one" ;;
    r2r) echo "$work/pl-r2r/PolicyLint.Cli --no-color $one" ;;
    jit) echo "$work/pl-jit/PolicyLint.Cli --no-color $one" ;;
    rumdl) echo "$rumdl check --no-cache --no-config $one" ;;
    mdl) echo "$mdl $one" ;;
  esac
}
active=(aot r2r jit rumdl mdl)
[[ -n "${SKIP_MARKDOWNLINT:-}" ]] && active=(aot r2r jit rumdl)

# One measurement: wall time from the clock around the process (ms resolution), peak RSS and CPU from GNU time.
measure() { # key case cmd...
  local key="$1" case="$2"; shift 2
  local t0 t1 out="$work/time.out"
  t0=$(date +%s%N)
  ( cd "$site" && /usr/bin/time -f "%U %S %M" -o "$out" "$@" >/dev/null 2>&1 )
  t1=$(date +%s%N)
  # GNU time puts "Command exited with non-zero status N" first when the linter reports findings.
  read -r user sys rss < <(tail -1 "$out" 2>/dev/null) || { user=0; sys=0; rss=0; }
  echo "$key $case $(( (t1 - t0) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}') $rss" >>"$work/raw.txt"
}

echo "Site tree: $md_count Markdown files, $all_count files in all; one-file case: $one"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a); cores: $(nproc 2>/dev/null || echo '?')"
: >"$work/raw.txt"
rm -rf "$site/.rumdl_cache"
for ((i = 1; i <= runs; i++)); do
  echo "  run $i/$runs"
  for k in "${active[@]}"; do
    # shellcheck disable=SC2046
    measure "$k" corpus $(corpus_cmd "$k")
    measure "$k" one $(one_cmd "$k")
  done
done
# --version: start-up alone (PolicyLint builds only).
for ((i = 1; i <= runs; i++)); do
  for k in aot r2r jit; do measure "$k" version "$work/pl-$k/PolicyLint.Cli" --version; done
done
echo "Load average after:  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"

# --- Report --------------------------------------------------------------------------------------------------------
median() { # key case field(3 wall, 4 cpu, 5 rss)
  awk -v k="$1" -v c="$2" -v f="$3" '$1 == k && $2 == c {print $f}' "$work/raw.txt" | sort -g |
    awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'
}
fmt_s() { [[ -z "$1" ]] && { echo "-"; return; }; awk -v v="$1" 'BEGIN {printf (v >= 1000 ? "%.2f s" : "%d ms"), (v >= 1000 ? v / 1000 : v)}'; }
fmt_mb() { [[ -z "$1" ]] && { echo "-"; return; }; awk -v v="$1" 'BEGIN {printf "%.0f MB", v / 1024}'; }
ratio() { [[ -z "$1" || -z "$2" || "$2" == 0 ]] && { echo "-"; return; }; awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

base_cw=$(median aot corpus 3); base_cr=$(median aot corpus 5); base_ow=$(median aot one 3); base_or=$(median aot one 5)
echo
echo "Medians of $runs interleaved runs. Ratios are tool / PolicyLint (AOT): above 1 means slower or bigger than PolicyLint."
echo "Wall = whole process; CPU = user + system; RSS = peak resident memory."
echo
printf '| %-18s | %-9s | %-6s | %-9s | %-7s | %-6s | %-9s | %-6s | %-7s |\n' \
  "tool" "corpus" "ratio" "CPU" "RSS" "ratio" "one file" "ratio" "RSS"
printf '|%s|\n' "--------------------|-----------|--------|-----------|---------|--------|-----------|--------|---------"
for idx in "${!keys[@]}"; do
  k="${keys[$idx]}"
  [[ " ${active[*]} " == *" $k "* ]] || continue
  cw=$(median "$k" corpus 3); cc=$(median "$k" corpus 4); cr=$(median "$k" corpus 5)
  ow=$(median "$k" one 3); orr=$(median "$k" one 5)
  printf '| %-18s | %-9s | %-6s | %-9s | %-7s | %-6s | %-9s | %-6s | %-7s |\n' "${names[$idx]}" \
    "$(fmt_s "$cw")" "$(ratio "$cw" "$base_cw")" "$(fmt_s "$cc")" "$(fmt_mb "$cr")" "$(ratio "$cr" "$base_cr")" \
    "$(fmt_s "$ow")" "$(ratio "$ow" "$base_ow")" "$(fmt_mb "$orr")"
done
echo
echo "PolicyLint --version (start-up only): AOT $(fmt_s "$(median aot version 3)"), ReadyToRun $(fmt_s "$(median r2r version 3)"), portable JIT $(fmt_s "$(median jit version 3)")"
echo

rumdl_cw=$(median rumdl corpus 3); rumdl_ow=$(median rumdl one 3)
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo "met"; else echo "MISSED"; fi; }
echo "Targets (PolicyLint AOT, all default rules):"
echo "  corpus wall <= 0.5 x rumdl: $(fmt_s "$base_cw") vs $(fmt_s "$(awk -v r="$rumdl_cw" 'BEGIN {print r / 2}')") -> $(verdict "$base_cw" "$(awk -v r="$rumdl_cw" 'BEGIN {print r / 2}')")"
echo "  one file wall <= rumdl:     $(fmt_s "$base_ow") vs $(fmt_s "$rumdl_ow") -> $(verdict "$base_ow" "$rumdl_ow")"
echo "  peak RSS < 100 MB:          $(fmt_mb "$base_cr") -> $(verdict "$base_cr" 102399)"
echo
echo "Note: the tools check different things with their default rules (PolicyLint: front matter, encoding, links,"
echo "headings; rumdl and markdownlint-cli2: Markdown style rules). rumdl runs with --no-cache --no-config (its cache"
echo "would skip unchanged files); markdownlint-cli2 with its defaults on '**/*.md'."
[[ -n "${KEEP:-}" ]] && echo "Raw timings: $work/raw.txt (key case wall_ms cpu_ms rss_kb)"
exit 0
