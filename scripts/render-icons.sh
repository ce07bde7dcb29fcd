#!/usr/bin/env sh
# Regenerate Gazette's raster app icons from the single vector source, build/icon.svg.
#
# Produces:
#   build/icon.png                    1024x1024 (electron-builder derives the macOS .icns from it)
#   build/icons/<N>x<N>.png           16 32 48 64 128 256 512 1024 (Linux AppImage / deb icon set)
#   build/icon.ico                    16-256 px (Windows; only if icotool is installed)
#
# Needs:   rsvg-convert  (Debian/Ubuntu: apt-get install librsvg2-bin;  macOS: brew install librsvg)
# Optional: icotool      (Debian/Ubuntu: apt-get install icoutils;     macOS: brew install icoutils)
#           Without icotool, build/icon.ico is left as it is (electron-builder can also
#           convert build/icon.png itself when no .ico exists).
#
# Usage:   sh scripts/render-icons.sh        (from anywhere; paths are relative to the repo root)
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
svg="$root/build/icon.svg"
out="$root/build"

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "render-icons: rsvg-convert is not installed (apt-get install librsvg2-bin, or brew install librsvg)." >&2
  exit 1
fi
[ -f "$svg" ] || { echo "render-icons: $svg not found." >&2; exit 1; }

mkdir -p "$out/icons"

render() { # size, destination
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --format png --output "$2" "$svg"
}

render 1024 "$out/icon.png"
for size in 16 32 48 64 128 256 512 1024; do
  render "$size" "$out/icons/${size}x${size}.png"
done
echo "render-icons: wrote build/icon.png and build/icons/{16,32,48,64,128,256,512,1024}x*.png"

if command -v icotool >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT INT TERM
  for size in 16 24 32 48 64 128 256; do
    render "$size" "$tmp/$size.png"
  done
  # 16-128 as classic BMP entries (best compatibility), 256 stored as PNG (as Windows expects).
  icotool --create --output "$out/icon.ico" \
    "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
    --raw="$tmp/256.png"
  echo "render-icons: wrote build/icon.ico (16, 24, 32, 48, 64, 128, 256)"
else
  echo "render-icons: icotool not found (apt-get install icoutils); build/icon.ico not regenerated." >&2
fi
