#!/usr/bin/env bash
# Times whole processes: `privcat search QUERY --catalog DIR` against `fzf --filter QUERY` over the
# same items flattened to one line each (id, names, group, category, descriptions in both languages),
# on generated catalogs of 10,000 and 100,000 items. privcat's time is with a warm cache (the
# catalog checked, resolved and indexed on an earlier run, in a cache folder of this run's own);
# the first run after a change (`--no-cache`: reading, checking and indexing the YAML) is timed
# beside it. fzf's time is reading lines. `privcat validate DIR` is timed too.
#
# Usage: scripts/compare-fzf.sh            (SIZES="10000 100000" RUNS=10 QUERIES="..." to change)
# Needs fzf; uses hyperfine when present, else a python3 timing loop (median of RUNS runs). Installs
# nothing: it prints the apt-get command for what is missing.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-10}
QUERIES=${QUERIES:-"device|imei|mac address|adress|zzqx"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-fzf.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export PRIVCAT_CACHE_DIR=$WORK/cache

if ! command -v fzf >/dev/null; then
    echo "compare-fzf: fzf is missing; install it with: apt-get install -y fzf hyperfine" >&2
    exit 1
fi
if ! command -v hyperfine >/dev/null; then
    echo "compare-fzf: hyperfine is missing, timing with python3 instead (apt-get install -y fzf hyperfine)" >&2
fi

cargo build --release --quiet --bin privcat --example generate
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
PRIVCAT=$TARGET/release/privcat
GENERATE=$TARGET/release/examples/generate

# One line per item, tab-separated, from privcat's JSON export.
flatten() {
    if command -v jq >/dev/null; then
        jq -r '.items[] | [.id, .name.en, .name.sv, (.group // ""), .category,
            (.description.en // ""), (.description.sv // "")] | join("\t")'
    else
        python3 -c '
import json, sys
for i in json.load(sys.stdin)["items"]:
    d = i["description"] or {}
    print("\t".join([i["id"], i["name"].get("en", ""), i["name"].get("sv", ""), i["group"] or "",
                     i["category"], d.get("en", ""), d.get("sv", "")]))'
    fi
}

# The median wall time in milliseconds of a shell command, run RUNS times after one warm-up.
median_ms() {
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-json "$WORK/h.json" "$1" >/dev/null 2>&1
        python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$WORK/h.json"
    else
        python3 - "$1" "$RUNS" <<'EOF'
import statistics, subprocess, sys, time
command, runs = sys.argv[1], int(sys.argv[2])
def once():
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
once()
print("%.1f" % (statistics.median(once() for _ in range(runs)) * 1000))
EOF
    fi
}

if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- src || rev="$rev with uncommitted changes in src/"
else
    rev="(not a git checkout)"
fi
echo "privcat $rev, fzf $(fzf --version | cut -d' ' -f1), $(nproc) cores, median of $RUNS runs"
echo "matches: items privcat prints; fzf-hits: lines fzf keeps (it matches across the whole line, privcat within one field)"
printf '%-7s  %-12s  %8s  %8s  %11s  %12s  %7s  %10s\n' items query matches fzf-hits "privcat ms" "fzf ms" ratio "first run ms"
for n in $SIZES; do
    dir=$WORK/catalog-$n
    "$GENERATE" --items "$n" --files 1 --seed 42 --out "$dir" >/dev/null
    "$PRIVCAT" export --format json --catalog "$dir" | flatten >"$WORK/lines-$n.txt"
    load=$(median_ms "'$PRIVCAT' validate '$dir'")
    printf '%-7s  %-12s  %8s  %8s  %11s  %12s  %7s  %10s\n' "$n" "(validate)" - - "$load" - - -
    IFS='|' read -ra queries <<<"$QUERIES"
    for q in "${queries[@]}"; do
        privcat_cmd="'$PRIVCAT' search '$q' --catalog '$dir'"
        fzf_cmd="fzf --filter '$q' < '$WORK/lines-$n.txt'"
        matches=$("$PRIVCAT" search "$q" --catalog "$dir" | wc -l || true)
        hits=$(fzf --filter "$q" <"$WORK/lines-$n.txt" | wc -l || true)
        p=$(median_ms "$privcat_cmd")
        f=$(median_ms "$fzf_cmd")
        cold=$(median_ms "$privcat_cmd --no-cache")
        ratio=$(python3 -c "print('%.2f' % ($p / max($f, 0.001)))")
        printf '%-7s  %-12s  %8s  %8s  %11s  %12s  %6sx  %10s\n' "$n" "$q" "$matches" "$hits" "$p" "$f" "$ratio" "$cold"
    done
done
