#!/bin/sh
# Fuzzes every target of a STRATA_FUZZ=ON build for SECONDS each, one process at a time.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# New inputs go to a scratch folder; seeds come from tests/fuzz/seeds/<target> and the corpus
# places listed in its .corpus file. A finding is written to tests/fuzz/crashes/<target>/
# (commit it: the replay test then runs it for ever) and fails the run.
# STRATA_FUZZ_TIMEOUT (seconds, default 10) is the wall-clock time after which one input counts
# as a hang or a slow unit; raise it on a machine busy with other work, where a process at low
# priority can wait that long for a processor, and replay what it reports before believing it.
set -eu
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
corpus_dir=${STRATA_CORPUS_DIR:-$here/../data/corpus}
targets=${*:-$(cat "$build/tests/fuzz/targets.txt")}
timeout=${STRATA_FUZZ_TIMEOUT:-10}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in $targets; do
    scratch=$(mktemp -d)
    seeds="$here/seeds/$target"
    # Corpus files up to 16 KiB join the seeds (larger ones make every execution slow).
    extra=$(mktemp -d)
    if [ -f "$seeds/.corpus" ]; then
        while read -r place; do
            [ -n "$place" ] && find "$corpus_dir/$place" -type f -size -16k \
                -exec cp {} "$extra/" \; 2>/dev/null || true
        done < "$seeds/.corpus"
    fi
    dict=""
    [ -f "$here/dict/$target.dict" ] && dict="-dict=$here/dict/$target.dict"
    mkdir -p "$here/crashes/$target"
    before=$(ls "$here/crashes/$target" | grep -c -E '^(crash|leak|timeout|oom|slow-unit)-' || true)
    echo "fuzzing $target for $seconds s"
    # shellcheck disable=SC2086
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout="$timeout" \
        -report_slow_units="$timeout" -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="$here/crashes/$target/" $dict \
        "$scratch" "$seeds" "$extra" 2>&1 | grep -E "^(stat::|#[0-9]+ *DONE|==|SUMMARY|Done|ERROR|INFO: seed corpus)" || true
    after=$(ls "$here/crashes/$target" | grep -c -E '^(crash|leak|timeout|oom|slow-unit)-' || true)
    rm -rf "$scratch" "$extra"
    if [ "$after" != "$before" ]; then
        echo "fuzz target $target found a problem: see tests/fuzz/crashes/$target/"
        exit 1
    fi
done
