#!/usr/bin/env bash
# Growth benchmark for issue 18's quadratic patterns: each pattern of bench/growth/patterns.py at N, 2N and 4N, linted by
# the Release CLI; farm-bench runs 2N against N and 4N against 2N in turn and the median CPU ratio of each doubling is
# printed (linear work gives 2.0, or less while start-up dominates). A doubling above 2.5 fails the report (exit 1).
#   bench/growth/run.sh                  # every pattern, SCALE=2 (N = twice the base sizes), 3 runs a pair
#   SCALE=4 RUNS=5 bench/growth/run.sh duplicate-headings suppressions
# Figures are the whole process (start-up included); load average is printed before and after.
set -u
cd "$(dirname "$0")/../.."
SCALE=${SCALE:-2}
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
for k in 1 2 4; do cp "$work/.policylint.yml" "$work/x$k/"; done
echo "growth: $(date -u +%FT%TZ), SCALE=$SCALE, RUNS=$RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %10s %12s %12s  %s\n' pattern "N bytes" "2N/N cpu" "4N/2N cpu" verdict
bad=0
ratio() { # A B -> median A/B cpu
  farm-bench -n "$RUNS" --warmup 1 --timeout 900 --vs "$CLI --no-cache $2" -- "$CLI" --no-cache "$1" 2>&1 | awk '/^A\/B cpu/ {print $3}'
}
for p in "${patterns[@]}"; do
  r1=$(ratio "$work/x2/$p.md" "$work/x1/$p.md")
  r2=$(ratio "$work/x4/$p.md" "$work/x2/$p.md")
  verdict=ok
  for r in $r1 $r2; do awk -v r="$r" -v l="$LIMIT" 'BEGIN { exit !(r == "" || r > l) }' && verdict="QUADRATIC (> $LIMIT)"; done
  [ "$verdict" = ok ] || bad=1
  printf '%-22s %10s %12s %12s  %s\n' "$p" "$(stat -c %s "$work/x1/$p.md")" "${r1:-?}" "${r2:-?}" "$verdict"
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $bad
