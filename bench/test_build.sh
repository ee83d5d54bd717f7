#!/usr/bin/env bash
# Test build times (issue 19): `cargo test --workspace --no-run` from a cold target directory,
# then again after a one-line change in crates/stories (the warm rebuild of a test cycle), then
# the whole suite run once built. Each revision is checked out in its own worktree and built in
# its own target directory, one after the other, so they do not share CPU or caches.
# Usage: bench/test_build.sh [ANCHOR_REV]   (the working tree's HEAD, and ANCHOR_REV beside it)
# PostgreSQL tests run when NEWSDESK_TEST_POSTGRES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
measure() {  # label rev
  local label=$1 rev=$2 dir target
  dir=$(mktemp -d); target=$(mktemp -d)
  git -C "$repo" worktree add -f --detach "$dir" "$rev" > /dev/null 2>&1
  (
    cd "$dir"; export CARGO_TARGET_DIR="$target" CARGO_TERM_COLOR=never
    s=$(date +%s.%N); cargo test --workspace --locked --no-run > "$target/cold.log" 2>&1; e=$(date +%s.%N)
    cold=$(echo "$e - $s" | bc)
    echo "// a one-line change" >> crates/stories/src/lib.rs
    s=$(date +%s.%N); cargo test --workspace --locked --no-run > "$target/warm.log" 2>&1; e=$(date +%s.%N)
    warm=$(echo "$e - $s" | bc)
    git checkout -q crates/stories/src/lib.rs
    binaries=$(grep -c Executable "$target/warm.log")
    s=$(date +%s.%N); cargo test --workspace --locked > "$target/run.log" 2>&1; e=$(date +%s.%N)
    run=$(echo "$e - $s" | bc)
    printf '%-8s %s: cold build %6.0f s, warm rebuild after a change in stories %5.1f s, suite run %5.1f s, %s test binaries, target %s\n' \
      "$label" "$(git rev-parse --short HEAD)" "$cold" "$warm" "$run" "$binaries" "$(du -sh "$target" | cut -f1)"
  )
  git -C "$repo" worktree remove --force "$dir"; rm -rf "$target"
}
measure now HEAD
[ -z "${1:-}" ] || measure anchor "$1"
