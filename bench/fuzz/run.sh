#!/usr/bin/env bash
# The long fuzz run: FuzzTests' two mutation loops, over the blog corpus (documents) and over the packs and a configuration
# that sets every key (configurations), for many seeds and many mutants each.
#   bench/fuzz/run.sh                                   # seeds 1..20, 2,000 documents and 4,000 configurations each
#   SEEDS="100 101" MUTANTS=5000 CONFIGS=10000 bench/fuzz/run.sh
#   DURATION=300 bench/fuzz/run.sh                      # start no new seed after 300 s
# Needs ../shared/corpus/hf-blog (or POLICYLINT_SHARED). A failing seed is printed with what failed; rerun it with
# POLICYLINT_FUZZ_SEED=<seed> POLICYLINT_FUZZ_MUTANTS=<n> POLICYLINT_FUZZ_CONFIGS=<n> and make the mutant a regression test.
set -u
cd "$(dirname "$0")/../.."
SEEDS=${SEEDS:-$(seq 1 20)}
MUTANTS=${MUTANTS:-2000}
CONFIGS=${CONFIGS:-4000}
DURATION=${DURATION:-0}
nice -n 10 dotnet build tests/PolicyLint.Tests -v q >/dev/null || exit 2
failed=0 seeds=0 begin=$(date +%s)
echo "fuzz: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $MUTANTS documents and $CONFIGS configurations a seed"
for seed in $SEEDS; do
  [ "$DURATION" -gt 0 ] && [ $(( $(date +%s) - begin )) -ge "$DURATION" ] && break
  start=$(date +%s)
  if POLICYLINT_FUZZ_SEED=$seed POLICYLINT_FUZZ_MUTANTS=$MUTANTS POLICYLINT_FUZZ_CONFIGS=$CONFIGS nice -n 10 dotnet test tests/PolicyLint.Tests --no-build \
       --filter "FullyQualifiedName~FuzzTests" >"/tmp/policylint-fuzz-$seed.log" 2>&1; then
    echo "seed $seed: ok ($(( $(date +%s) - start )) s)"
  else
    failed=1
    echo "seed $seed: FAILED, see /tmp/policylint-fuzz-$seed.log"
    grep -E "PL0005|Error Message" -A2 "/tmp/policylint-fuzz-$seed.log" | head -20
  fi
  seeds=$((seeds + 1))
done
echo "$seeds seeds, $((seeds * MUTANTS)) documents and $((seeds * CONFIGS)) configurations in $(( $(date +%s) - begin )) s"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $failed
