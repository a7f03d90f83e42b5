#!/usr/bin/env bash
# Renders installer/icons/hotline-console.svg to the PNG sizes the package installs (run after editing the SVG,
# then commit the PNGs; the build itself needs no SVG renderer). Needs ImageMagick (apt-get install imagemagick).
set -euo pipefail
cd "$(dirname "$0")/../installer/icons"
for size in 16 32 48 64 128 256; do
    convert -background none -density 384 hotline-console.svg -resize "${size}x${size}" -depth 8 \
        "PNG32:hotline-console-${size}.png"
done
# The Windows installer's icon (docs/WINDOWS.md): every size in one .ico.
convert hotline-console-16.png hotline-console-32.png hotline-console-48.png hotline-console-256.png hotline-console.ico
