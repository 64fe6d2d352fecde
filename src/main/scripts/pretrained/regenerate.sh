#!/usr/bin/env bash
# Regenerates the pretrained graphs eyegan ships (src/main/resources/eyegan/pretrained/*.pb and their
# provenance files) from the exact npm packages they come from, and checks that the result is byte for
# byte what is shipped. Needs npm (for `npm pack`, which only downloads the tarballs), Java 17 and Maven.
#
#   src/main/scripts/pretrained/regenerate.sh            # convert and compare; exit 1 on a difference
#   src/main/scripts/pretrained/regenerate.sh --install  # convert and replace the shipped files
#
# The package versions here and in eyegan.pretrained.PretrainedNetwork must agree.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
PACKAGES=("@vladmandic/human@3.3.6" "nsfwjs@4.4.0")
SHIPPED=src/main/resources/eyegan/pretrained

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetching ${PACKAGES[*]}"
(cd "$work" && npm pack --silent "${PACKAGES[@]}" >/dev/null)
for t in "$work"/*.tgz; do
  echo "  $(basename "$t")  sha256 $(sha256sum "$t" | cut -d' ' -f1)"
  mkdir -p "${t%.tgz}"
  tar xzf "$t" -C "${t%.tgz}"
done

mvn -q -B -Dstyle.color=never compile
mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt"
java -cp "target/classes:$(cat "$work/classpath.txt")" eyegan.pretrained.PretrainedRegeneration "$work" "$work/out"

. src/main/scripts/shipped-files.sh
shipped_files "$work/out" "$SHIPPED" "${1:-}"

