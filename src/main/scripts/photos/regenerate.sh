#!/usr/bin/env bash
# Regenerates eyegan's test photos (src/test/resources/eyegan/eyecrop/photos/) from the exact Debian
# packages that ship the originals, and checks that the result is byte for byte what is committed.
# Needs apt-get (Debian 12 package lists; `apt-get update` first), dpkg-deb and Java 17.
#
#   src/main/scripts/photos/regenerate.sh            # make and compare; exit 1 on a difference
#   src/main/scripts/photos/regenerate.sh --install  # make and replace the committed files
#
# The versions and SHA-256 sums here and in the photos' PROVENANCE.md must agree.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SHIPPED=src/test/resources/eyegan/eyecrop/photos
declare -A DEBS=(
  [python3-skimage_0.19.3-8_all.deb]=728d88c3e3440f1f3712de0805dc834d29248ff07e1eec8c0f3da07606f752f9
  [python-matplotlib-data_3.6.3-1_all.deb]=e4150fcebd35ea11e0f66268da97ce62f98a4cf530c944f755f241da1a9158f9
)
declare -A SOURCES=(
  [usr/lib/python3/dist-packages/skimage/data/astronaut.png]=88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5
  [usr/lib/python3/dist-packages/skimage/data/coffee.png]=cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7
  [usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg]=a8ca6d734765703b09728ab47fe59f473d93ae3967fc24c7c0288c3c7adb7130
)

work=$(mktemp -d)
chmod 755 "$work" # apt-get download runs as the unprivileged _apt user where it can
trap 'rm -rf "$work"' EXIT
echo "fetching python3-skimage=0.19.3-8 python-matplotlib-data=3.6.3-1"
(cd "$work" && apt-get download -qq python3-skimage=0.19.3-8 python-matplotlib-data=3.6.3-1 2>/dev/null)
check() { # file expected-sha256
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "$1: sha256 $got, expected $2" >&2
    exit 1
  fi
  echo "  $(basename "$1")  sha256 $got"
}
for deb in "${!DEBS[@]}"; do
  check "$work/$deb" "${DEBS[$deb]}"
  dpkg-deb -x "$work/$deb" "$work/root"
done
for f in "${!SOURCES[@]}"; do
  check "$work/root/$f" "${SOURCES[$f]}"
done

java src/main/scripts/photos/MakeTestPhotos.java "$work/root/usr/lib/python3/dist-packages/skimage/data" \
  "$work/root/usr/share/matplotlib/mpl-data/sample_data" "$work/out"

. src/main/scripts/shipped-files.sh
shipped_files "$work/out" "$SHIPPED" "${1:-}"

