#!/usr/bin/env bash
# The long fuzz run: FuzzTests' mutation loop over the blog corpus, for many seeds and many mutants each.
#   bench/fuzz/run.sh                 # seeds 1..20, 2,000 mutants each
#   SEEDS="100 101" MUTANTS=5000 bench/fuzz/run.sh
# Needs ../shared/corpus/hf-blog (or POLICYLINT_SHARED). A failing seed is printed with the PL0005 findings; rerun it with
# POLICYLINT_FUZZ_SEED=<seed> POLICYLINT_FUZZ_MUTANTS=<n> and make the mutant a regression test.
set -u
cd "$(dirname "$0")/../.."
SEEDS=${SEEDS:-$(seq 1 20)}
MUTANTS=${MUTANTS:-2000}
nice -n 10 dotnet build tests/PolicyLint.Tests -v q >/dev/null || exit 2
failed=0
echo "fuzz: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $MUTANTS mutants a seed"
for seed in $SEEDS; do
  start=$(date +%s)
  if POLICYLINT_FUZZ_SEED=$seed POLICYLINT_FUZZ_MUTANTS=$MUTANTS nice -n 10 dotnet test tests/PolicyLint.Tests --no-build \
       --filter "FullyQualifiedName~FuzzTests" >"/tmp/policylint-fuzz-$seed.log" 2>&1; then
    echo "seed $seed: ok ($(( $(date +%s) - start )) s)"
  else
    failed=1
    echo "seed $seed: FAILED, see /tmp/policylint-fuzz-$seed.log"
    grep -E "PL0005|Error Message" -A2 "/tmp/policylint-fuzz-$seed.log" | head -20
  fi
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $failed
