#!/usr/bin/env bash
# Makes screenshots/*.png from the explorer's real rendering: `examples/screenshots.rs` draws each scene
# into a TestBackend and writes it as HTML, and headless Chromium photographs each page at the exact size
# of the 120x36 grid.
#
# Needs: cargo, chromium and the DejaVu fonts (Debian: apt-get install -y chromium fonts-dejavu-core).
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: screenshots/ in the repository)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/screenshots}

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null; then
            browser=$candidate
            break
        fi
    done
fi
if [[ -z $browser ]]; then
    echo "screenshots: chromium not found; install it with:" >&2
    echo "    apt-get install -y chromium fonts-dejavu-core" >&2
    exit 1
fi
if ! fc-list 2>/dev/null | grep -q "DejaVu Sans Mono"; then
    echo "screenshots: the font DejaVu Sans Mono is missing; install it with:" >&2
    echo "    apt-get install -y fonts-dejavu-core" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --manifest-path "$root/Cargo.toml" --example screenshots
# Each line of the manifest: NAME.html WIDTH HEIGHT (the window that fits the grid exactly).
cargo run --quiet --manifest-path "$root/Cargo.toml" --example screenshots -- "$work/html" \
    >"$work/manifest"

mkdir -p "$out"
while read -r page width height; do
    png="$out/${page%.html}.png"
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
        --window-size="$width,$height" --screenshot="$png" "file://$work/html/$page" \
        >"$work/chromium.log" 2>&1 || {
        cat "$work/chromium.log" >&2
        exit 1
    }
    echo "$png"
done <"$work/manifest"
