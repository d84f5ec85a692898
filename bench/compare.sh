#!/usr/bin/env bash
# PolicyLint as users get it, against rumdl and markdownlint-cli2, on the Hugging Face blog corpus (772 real posts).
#
#   bench/compare.sh                       # 5 interleaved runs of every tool, then the scaling runs
#   RUNS=9 bench/compare.sh                # more runs
#   SKIP_MARKDOWNLINT=1 bench/compare.sh   # markdownlint-cli2 takes ~25 s a run on the corpus
#   SKIP_SCALING=1 bench/compare.sh        # only the corpus, the one-file case and the hook
#   SYNTHETIC_FILES=50000 bench/compare.sh # size of the synthetic tree (default 50,000 files)
#   KEEP=1 bench/compare.sh                # keep the temporary folder (site tree, feed, tools, raw timings)
#
# What is measured is what the README tells users to run:
#   dotnet policylint  the tool installed from a plain 'dotnet pack' feed into a tool manifest, through the dotnet driver
#   dotnet-policylint  the same package installed with --tool-path (as 'dotnet tool install -g' does): on this machine the
#                      command is the Native AOT binary of PolicyLint.Tool.<rid>; --no-cache (cold) and with the cache (warm)
#   portable           PolicyLint.Tool.any installed by its own ID (plugins, JSON Schema), its apphost, --no-cache
#   rumdl              its native binary, --no-cache and with its cache (warm); markdownlint-cli2 with its defaults
# plus, when pre-commit is installed, one staged file through the hook of .pre-commit-hooks.yaml against rumdl as a
# pre-commit hook, and the scaling runs: 1x, 2x, 4x, 8x copies of the corpus and a synthetic tree of 50,000 files.
#
# Needs: the .NET 10 SDK (+ gcc or clang for Native AOT on Linux), npm, /usr/bin/time (GNU time), git, the corpus in
# $POLICYLINT_SHARED/corpus (default: ../shared next to the repository). Never part of the test suite; always exits 0
# once it has started measuring. Every tool runs with its DEFAULT rules; they check different things (PolicyLint: front
# matter, encoding, links, headings; rumdl and markdownlint: Markdown style), so this compares the cost of a lint run.
set -uo pipefail
set -f # commands are built as words: no pathname expansion (markdownlint-cli2 expands its own '**/*.md')

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${POLICYLINT_SHARED:-$root/../shared}"
[[ -z "${POLICYLINT_SHARED:-}" && ! -d "$shared/corpus" && -d "$root/../../shared/corpus" ]] && shared="$(cd "$root/../../shared" && pwd)"
corpus="$shared/corpus/hf-blog"
paths="$shared/corpus/hf-blog.paths.txt"
runs="${RUNS:-5}"
scale_runs="${SCALE_RUNS:-3}"
synthetic_files="${SYNTHETIC_FILES:-50000}"

die() { echo "compare: $*" >&2; exit 2; }
[[ -d "$corpus" && -f "$paths" ]] || die "corpus not found: $corpus (set POLICYLINT_SHARED to the folder holding corpus/)"
command -v dotnet >/dev/null || die "dotnet not found"
command -v npm >/dev/null || die "npm not found"
command -v git >/dev/null || die "git not found"
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null || die "could not install GNU time"
  else
    die "GNU time (/usr/bin/time) is needed: apt-get install time"
  fi
fi
# pre-commit for the hook case: installed the same way when it is missing (skipped, and said, when it cannot be).
if ! command -v pre-commit >/dev/null && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pre-commit >/dev/null 2>&1 || true
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/policylint-bench.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "Keeping $work"; fi
log="$work/build.log"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/nuget-packages"

# --- Tools ---------------------------------------------------------------------------------------------------------
echo "Installing rumdl and markdownlint-cli2 from npm into $work/npm ..."
mkdir -p "$work/npm"
( cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund rumdl markdownlint-cli2 >>"$log" 2>&1 ) \
  || die "npm install failed (see $log)"
# rumdl is a Rust binary shipped in a per-platform npm package; its bin/rumdl is a Node wrapper that spawns it.
rumdl="$(find "$work/npm/node_modules/@rumdl" -maxdepth 2 -type f -name rumdl 2>/dev/null | head -1)"
[[ -x "$rumdl" ]] || rumdl="$work/npm/node_modules/.bin/rumdl"
mdl="$work/npm/node_modules/.bin/markdownlint-cli2"
rumdl_version="$("$rumdl" --version 2>/dev/null | awk '{print $NF}')"
mdl_version="$(cd "$work/npm" && node -p "require('markdownlint-cli2/package.json').version" 2>/dev/null)"

version="0.0.0-bench.$(date +%s)"
feed="$work/feed"
echo "Packing PolicyLint.Tool the default way (dotnet pack -c Release) into $feed ..."
t0=$(date +%s)
dotnet pack "$root/src/PolicyLint.Cli" -c Release -o "$feed" "-p:Version=$version" >>"$log" 2>&1 || die "dotnet pack failed (see $log)"
pack_seconds=$(( $(date +%s) - t0 ))
echo "  $(find "$feed" -maxdepth 1 -name '*.nupkg' -printf '%f ' | sort) in ${pack_seconds} s"

echo "Installing it as users do ..."
install_log="$work/install.log"
dotnet tool install PolicyLint.Tool --version "$version" --add-source "$feed" --tool-path "$work/tools" >>"$install_log" 2>&1 \
  || die "tool-path install failed (see $install_log)"
dotnet tool install PolicyLint.Tool.any --version "$version" --add-source "$feed" --tool-path "$work/tools-any" >>"$install_log" 2>&1 \
  || die "portable install failed (see $install_log)"
direct="$work/tools/dotnet-policylint"
portable="$work/tools-any/dotnet-policylint"
if [[ -L "$direct" ]]; then direct_kind="native binary ($(readlink "$direct" | sed -E 's|.*/(policylint\.tool\.[^/]+)/.*|\1|'))"; else direct_kind="portable apphost (no native package)"; fi

# --- Site tree: the corpus plus empty stand-ins for its non-Markdown files ------------------------------------------
make_site() { # target
  local site="$1"
  mkdir -p "$site"
  cp -R "$corpus/." "$site/"
  chmod -R u+w "$site"
  while IFS= read -r p; do
    [[ -z "$p" ]] && continue
    mkdir -p "$site/$(dirname "$p")"
    [[ -e "$site/$p" ]] || : >"$site/$p"
  done <"$paths"
}
site="$work/site"
make_site "$site"
git -C "$site" init -q -b main >/dev/null 2>&1 # the repository root: where .policylint-cache goes
# The documented local-tool way needs a manifest in the tree.
( cd "$site" && dotnet new tool-manifest >>"$install_log" 2>&1 && \
  dotnet tool install PolicyLint.Tool --version "$version" --add-source "$feed" >>"$install_log" 2>&1 ) || die "local tool install failed (see $install_log)"
md_count=$(find "$site" -name '*.md' | wc -l)
all_count=$(find "$site" -type f | wc -l)
one="$(cd "$site" && find . -maxdepth 1 -name '*.md' -printf '%s %P\n' | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')"

# One measurement: wall time around the process (ms), CPU (user + system) and peak RSS from GNU time.
raw="$work/raw.txt"
: >"$raw"
measure() { # key case dir cmd...
  local key="$1" case="$2" dir="$3"; shift 3
  local t0 t1 out="$work/time.out"
  t0=$(date +%s%N)
  ( cd "$dir" && /usr/bin/time -f "%U %S %M" -o "$out" "$@" >/dev/null 2>&1 )
  t1=$(date +%s%N)
  read -r user sys rss < <(tail -1 "$out" 2>/dev/null) || { user=0; sys=0; rss=0; }
  echo "$key $case $(( (t1 - t0) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}') $rss" >>"$raw"
}
median() { # key case field(3 wall, 4 cpu, 5 rss)
  awk -v k="$1" -v c="$2" -v f="$3" '$1 == k && $2 == c {print $f}' "$raw" | sort -g |
    awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'
}
fmt_s() { [[ -z "$1" ]] && { echo "-"; return; }; awk -v v="$1" 'BEGIN {printf (v >= 1000 ? "%.2f s" : "%d ms"), (v >= 1000 ? v / 1000 : v)}'; }
fmt_mb() { [[ -z "$1" ]] && { echo "-"; return; }; awk -v v="$1" 'BEGIN {printf "%.0f MB", v / 1024}'; }
ratio() { [[ -z "$1" || -z "$2" || "$2" == 0 ]] && { echo "-"; return; }; awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo "met"; else echo "MISSED"; fi; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a; }

names=("dotnet policylint (manifest)" "dotnet-policylint, cold" "dotnet-policylint, warm cache" "portable (any), cold" "rumdl $rumdl_version, cold" "rumdl, warm cache" "markdownlint-cli2 $mdl_version")
keys=(pl-dotnet pl-direct pl-warm pl-any rumdl rumdl-warm mdl)
tool_cmd() { # key path
  case "$1" in
    pl-dotnet) echo "dotnet policylint --no-color --no-cache $2" ;;
    pl-direct) echo "$direct --no-color --no-cache $2" ;;
    pl-warm) echo "$direct --no-color $2" ;;
    pl-any) echo "$portable --no-color --no-cache $2" ;;
    rumdl) echo "$rumdl check --no-cache --no-config $2" ;;
    rumdl-warm) echo "$rumdl check --no-config $2" ;;
    mdl) [[ "$2" == "." ]] && echo "$mdl **/*.md" || echo "$mdl $2" ;;
  esac
}
active=("${keys[@]}")
[[ -n "${SKIP_MARKDOWNLINT:-}" ]] && active=(pl-dotnet pl-direct pl-warm pl-any rumdl rumdl-warm)

echo
echo "Default install: dotnet-policylint is the $direct_kind"
echo "Site tree: $md_count Markdown files, $all_count files in all; one-file case: $one"
echo "Load average before: $(load); cores: $(nproc 2>/dev/null || echo '?')"
# Warm both caches, so that the warm runs measure a run on an unchanged tree. PolicyLint's first run in a fresh tree
# creates .policylint-cache, which changes the root folder's stamp within the 2 s window, so it keeps no run record; the
# second one does (sleep: past the window). Both tools get the same warming runs.
# shellcheck disable=SC2046
( cd "$site" && for w in 1 2; do $(tool_cmd pl-warm .) >/dev/null 2>&1; $(tool_cmd rumdl-warm .) >/dev/null 2>&1; sleep 2.5; done
  for w in 1 2; do $(tool_cmd pl-warm "$one") >/dev/null 2>&1; $(tool_cmd rumdl-warm "$one") >/dev/null 2>&1; sleep 2.5; done )
for ((i = 1; i <= runs; i++)); do
  echo "  run $i/$runs (load $(load))"
  for k in "${active[@]}"; do
    # shellcheck disable=SC2046
    measure "$k" corpus "$site" $(tool_cmd "$k" .)
    # shellcheck disable=SC2046
    measure "$k" one "$site" $(tool_cmd "$k" "$one")
  done
done

# --- pre-commit: one staged file through each tool's hook ------------------------------------------------------------
hook_note=""
if command -v pre-commit >/dev/null; then
  echo "pre-commit: installing the PolicyLint hook (dotnet pack + tool install, once) ..."
  hookrepo="$work/hook-repo"
  mkdir -p "$hookrepo"
  ( cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$hookrepo/" ) 2>/dev/null
  git -C "$hookrepo" init -q -b main && git -C "$hookrepo" add -A && \
    git -C "$hookrepo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m snapshot
  consumer="$work/consumer"
  mkdir -p "$consumer"
  cp "$site/$one" "$consumer/$one"
  printf 'root: true\n' >"$consumer/.policylint.yml"
  cat >"$consumer/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hookrepo
    rev: $(git -C "$hookrepo" rev-parse HEAD)
    hooks:
      - id: policylint
  - repo: local
    hooks:
      - id: rumdl
        name: rumdl
        entry: $rumdl check --no-config
        language: system
        types: [markdown]
EOF
  git -C "$consumer" init -q -b main && git -C "$consumer" add -A
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  t0=$(date +%s)
  ( cd "$consumer" && pre-commit install-hooks >>"$log" 2>&1 ) || hook_note="(hook install failed: see $log)"
  hook_install_seconds=$(( $(date +%s) - t0 ))
  # Two warming runs of each hook, as for the corpus: then both measure a run with their cache on the unchanged file.
  for w in 1 2; do
    ( cd "$consumer" && pre-commit run policylint --files "$one" >/dev/null 2>&1; pre-commit run rumdl --files "$one" >/dev/null 2>&1 )
    sleep 2.5
  done
  for ((i = 1; i <= runs; i++)); do
    measure hook-pl one "$consumer" pre-commit run policylint --files "$one"
    measure hook-rumdl one "$consumer" pre-commit run rumdl --files "$one"
  done
else
  hook_note="(pre-commit is not installed: apt-get install pre-commit)"
fi
echo "Load average after the corpus runs: $(load)"

# --- Report: corpus and one file -------------------------------------------------------------------------------------
base_cw=$(median rumdl corpus 3); base_ow=$(median rumdl one 3)
echo
echo "Medians of $runs interleaved runs. Ratios are tool / rumdl (cold): below 1 means faster than rumdl."
echo "Wall = whole process; CPU = user + system; RSS = peak resident memory."
echo
printf '| %-30s | %-9s | %-6s | %-9s | %-7s | %-9s | %-6s | %-7s |\n' "tool" "corpus" "ratio" "CPU" "RSS" "one file" "ratio" "RSS"
printf '|%s|\n' "--------------------------------|-----------|--------|-----------|---------|-----------|--------|---------"
for idx in "${!keys[@]}"; do
  k="${keys[$idx]}"
  [[ " ${active[*]} " == *" $k "* ]] || continue
  cw=$(median "$k" corpus 3); cc=$(median "$k" corpus 4); cr=$(median "$k" corpus 5)
  ow=$(median "$k" one 3); orr=$(median "$k" one 5)
  printf '| %-30s | %-9s | %-6s | %-9s | %-7s | %-9s | %-6s | %-7s |\n' "${names[$idx]}" \
    "$(fmt_s "$cw")" "$(ratio "$cw" "$base_cw")" "$(fmt_s "$cc")" "$(fmt_mb "$cr")" "$(fmt_s "$ow")" "$(ratio "$ow" "$base_ow")" "$(fmt_mb "$orr")"
done
echo
if [[ -z "$hook_note" ]]; then
  hp=$(median hook-pl one 3); hr=$(median hook-rumdl one 3)
  echo "pre-commit, one staged file: PolicyLint's hook $(fmt_s "$hp"), rumdl as a hook $(fmt_s "$hr") ($(ratio "$hp" "$hr")); hook install ${hook_install_seconds} s"
  # The runs alternate (PolicyLint, rumdl, PolicyLint...): each pair's difference, and their median, cancel the load's drift.
  hook_diffs=$(awk '$1 == "hook-pl" {p = $3} $1 == "hook-rumdl" {printf "%+d ", p - $3}' "$raw")
  hook_paired=$(echo "$hook_diffs" | tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}')
  echo "  paired differences, PolicyLint minus rumdl (ms): ${hook_diffs}(median ${hook_paired})"
else
  echo "pre-commit: not measured $hook_note"
fi
echo "Default pack (top-level, any and native packages): ${pack_seconds} s"
echo

cold=$(median pl-direct corpus 3); warm=$(median pl-warm corpus 3); rss=$(median pl-direct corpus 5)
echo "Targets (issue 14):"
echo "  corpus, default install, all rules <= 0.5 x rumdl: $(fmt_s "$cold") vs $(fmt_s "$(awk -v r="$base_cw" 'BEGIN {print r / 2}')") ($(ratio "$cold" "$base_cw")) -> $(verdict "$cold" "$(awk -v r="$base_cw" 'BEGIN {print r / 2}')")"
[[ -z "$hook_note" ]] && echo "  one file through the hook <= rumdl's hook:       $(fmt_s "$hp") vs $(fmt_s "$hr") -> $(verdict "$hp" "$hr")"
echo "  warm cache <= 0.1 x cold run:                     $(fmt_s "$warm") vs $(fmt_s "$(awk -v r="$cold" 'BEGIN {print r / 10}')") ($(ratio "$warm" "$cold")) -> $(verdict "$warm" "$(awk -v r="$cold" 'BEGIN {print r / 10}')")"
echo "  peak RSS on the corpus < 60 MB:                   $(fmt_mb "$rss") -> $(verdict "$rss" 61439)"

# --- Scaling: 1x, 2x, 4x, 8x the corpus, and a synthetic tree ------------------------------------------------------
if [[ -z "${SKIP_SCALING:-}" ]]; then
  echo
  echo "Scaling: building 8 copies of the site tree and a synthetic tree of $synthetic_files files ..."
  scale="$work/scale"
  mkdir -p "$scale/1x"
  cp -R "$site/." "$scale/1x/copy1" && rm -rf "$scale/1x/copy1/.policylint-cache" "$scale/1x/copy1/.rumdl_cache" "$scale/1x/copy1/dotnet-tools.json"
  for n in 2 4 8; do
    mkdir -p "$scale/${n}x"
    for ((c = 1; c <= n; c++)); do cp -R "$scale/1x/copy1" "$scale/${n}x/copy$c"; done
  done
  for n in 1 2 4 8; do git -C "$scale/${n}x" init -q -b main; printf 'root: true\n' >"$scale/${n}x/.policylint.yml"; done
  # Synthetic: 100 folders of posts with front matter, headings, and links to files and headings of other posts.
  syn="$scale/synthetic"
  awk -v n="$synthetic_files" -v dir="$syn" 'BEGIN {
    srand(14);
    per = 500; folders = int((n + per - 1) / per);
    for (f = 0; f < folders; f++) system("mkdir -p " dir "/d" f);
    for (i = 0; i < n; i++) {
      f = int(i / per); p = dir "/d" f "/post" i ".md";
      j = int(rand() * n); k = int(rand() * n);
      printf "---\ntitle: Post %d\ndate: 2026-%02d-%02d\nauthors: [a%d]\n---\n\n# Post %d\n\n## Overview\n\nSome text about post %d, with a [link](../d%d/post%d.md) and [a section](../d%d/post%d.md#overview).\n\n## Details\n\n- item one\n- item two with `code`\n\nSee [the missing one](../d%d/missing%d.md) and ![a figure](fig%d.png).\n", i, 1 + i % 12, 1 + i % 28, i % 50, i, i, int(j / per), j, int(k / per), k, f, i, i > p;
      close(p);
    }
  }'
  git -C "$syn" init -q -b main; printf 'root: true\n' >"$syn/.policylint.yml"
  scale_keys=(pl-direct rumdl)
  echo "Load average before the scaling runs: $(load)"
  for ((i = 1; i <= scale_runs; i++)); do
    for n in 1 2 4 8; do
      for k in "${scale_keys[@]}"; do
        # shellcheck disable=SC2046
        measure "$k" "scale${n}" "$scale/${n}x" $(tool_cmd "$k" .)
      done
    done
  done
  # The synthetic tree: cold, then warm (a run with each tool's cache on the unchanged tree, after two warming runs
  # each, as for the corpus: the first PolicyLint run in a fresh tree keeps no run record).
  # shellcheck disable=SC2046
  ( cd "$syn" && for w in 1 2; do $(tool_cmd pl-warm .) >/dev/null 2>&1; $(tool_cmd rumdl-warm .) >/dev/null 2>&1; sleep 2.5; done )
  for ((i = 1; i <= scale_runs; i++)); do
    for k in pl-direct rumdl pl-warm rumdl-warm; do
      # shellcheck disable=SC2046
      measure "$k" synthetic "$syn" $(tool_cmd "$k" .)
    done
  done
  echo "Load average after the scaling runs: $(load)"
  echo
  echo "Scaling, medians of $scale_runs interleaved runs (each step doubles the files; linear growth is a step of 2.0x):"
  echo
  printf '| %-8s | %-7s | %-22s | %-7s | %-7s | %-22s | %-7s |\n' "tree" "files" "dotnet-policylint" "step" "RSS" "rumdl" "step"
  printf '|%s|\n' "----------|---------|------------------------|---------|---------|------------------------|---------"
  prev_p=""; prev_r=""
  for n in 1 2 4 8; do
    pw=$(median pl-direct "scale$n" 3); pr=$(median pl-direct "scale$n" 5); rw=$(median rumdl "scale$n" 3)
    printf '| %-8s | %-7s | %-22s | %-7s | %-7s | %-22s | %-7s |\n' "${n}x" "$(( md_count * n ))" "$(fmt_s "$pw") ($(ratio "$pw" "$rw") of rumdl)" \
      "$( [[ -n "$prev_p" ]] && ratio "$pw" "$prev_p" || echo -)" "$(fmt_mb "$pr")" "$(fmt_s "$rw")" "$( [[ -n "$prev_r" ]] && ratio "$rw" "$prev_r" || echo -)"
    prev_p=$pw; prev_r=$rw
  done
  echo
  sp=$(median pl-direct synthetic 3); spr=$(median pl-direct synthetic 5); sr=$(median rumdl synthetic 3)
  spw=$(median pl-warm synthetic 3); srw=$(median rumdl-warm synthetic 3)
  echo "Synthetic tree, $synthetic_files files: dotnet-policylint $(fmt_s "$sp") ($(fmt_mb "$spr")), warm $(fmt_s "$spw"); rumdl $(fmt_s "$sr"), warm $(fmt_s "$srw"); cold ratio $(ratio "$sp" "$sr")"
fi

echo
echo "Note: the tools check different things with their default rules (PolicyLint: front matter, encoding, links,"
echo "headings; rumdl and markdownlint-cli2: Markdown style rules)."
[[ -n "${KEEP:-}" ]] && echo "Raw timings: $raw (key case wall_ms cpu_ms rss_kb)"
exit 0
