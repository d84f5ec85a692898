#!/usr/bin/env bash
# Growth benchmark for issue 18's quadratic patterns: each pattern of bench/growth/patterns.py at N, 2N and 4N, linted by
# the Release CLI (--no-cache). bench/growth/measure.py times every run itself (the child's user + system CPU from wait4),
# interleaving a one-line document (start-up, subtracted), N, 2N and 4N round by round, and prints the median CPU of each
# size and the ratio of each doubling of the work (linear gives 2.0). A doubling above 2.5 fails the report (exit 1).
#   bench/growth/run.sh                          # every pattern, SCALE=1 (the base sizes of patterns.py), 3 rounds
#   SCALE=0.25 RUNS=5 bench/growth/run.sh duplicate-headings suppressions
# Figures are CPU seconds, not wall time; the load average is printed before and after.
set -u
cd "$(dirname "$0")/../.."
SCALE=${SCALE:-1}
RUNS=${RUNS:-3}
LIMIT=2.5
nice -n 10 dotnet build src/PolicyLint.Cli -c Release -v q >/dev/null || exit 2
CLI=$PWD/src/PolicyLint.Cli/bin/Release/net10.0/PolicyLint.Cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
patterns=("$@")
[ ${#patterns[@]} -eq 0 ] && mapfile -t patterns < <(python3 -c "import sys; sys.path.insert(0, 'bench/growth'); import patterns; print('\n'.join(patterns.PATTERNS))")
for k in 1 2 4; do python3 bench/growth/patterns.py "$work/x$k" "$(python3 -c "print($SCALE*$k)")" "${patterns[@]}"; done
printf 'root: true\n' > "$work/.policylint.yml"
printf '# Title\n' > "$work/base.md"
echo "growth: $(date -u +%FT%TZ), SCALE=$SCALE, RUNS=$RUNS, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %10s %8s %8s %8s %8s %7s %7s  %s\n' pattern "N bytes" "start s" "N s" "2N s" "4N s" "2N/N" "4N/2N" verdict
bad=0
repo=$PWD
cd "$work" || exit 2   # the documents' own root: their configuration is $work/.policylint.yml
for p in "${patterns[@]}"; do
  line=$(nice -n 10 python3 "$repo/bench/growth/measure.py" "$RUNS" "$LIMIT" "$work/base.md" "$work/x1/$p.md" "$work/x2/$p.md" "$work/x4/$p.md" \
         -- "$CLI" --no-cache --quiet) || bad=1
  # shellcheck disable=SC2086
  printf '%-22s %10s %8s %8s %8s %8s %7s %7s  %s\n' "$p" $line
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $bad
