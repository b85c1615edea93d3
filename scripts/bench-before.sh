#!/bin/sh
# make bench BENCH_BEFORE=<commit>: builds that commit's page (its own
# Makefile's wasm target) in a temporary git worktree and measures it with
# this tree's harness, writing its figures for the after run to set beside
# its own (e2e/bench beforeAndAfter). Usage: bench-before.sh COMMIT DIR ROUNDS
set -eu
commit=$1 dir=$2 rounds=$3
here=$(pwd)
git worktree remove --force "$dir" 2>/dev/null || rm -rf "$dir"
git worktree add --detach "$dir" "$commit" >/dev/null
trap 'cd "$here" && git worktree remove --force "$dir"' EXIT
echo "bench: building $commit's page in $dir"
make -C "$dir" wasm >/dev/null
echo "bench: measuring $commit's page"
cd e2e/bench
BENCH_SITE="$dir/site" BENCH_ONLY="${BENCH_ONLY:-first,keys,scale,large}" BENCH_ROUNDS="$rounds" \
  BENCH_FIGURES_OUT="$dir.figures.json" BENCH_OUT="$dir.BENCHMARKS.md" \
  go test -tags bench -count=1 -timeout 60m -run TestBenchmarks -v . >"$dir.log" 2>&1 ||
  echo "bench: part of the before run failed (its figures so far are kept); see $dir.log"
echo "bench: before figures in $dir.figures.json"
