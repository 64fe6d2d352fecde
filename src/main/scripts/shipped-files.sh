# Sourced by the regenerate.sh scripts: install what a script made, or compare it with what is committed.
# Usage: shipped_files "$made_dir" "$committed_dir" "${1:-}"   (third argument --install replaces the files)
shipped_files() {
  local made="$1" committed="$2" mode="$3"
  if [ "$mode" = "--install" ]; then
    mkdir -p "$committed"
    cp "$made"/* "$committed"/
    echo "installed into $committed"
    return 0
  fi
  local status=0 f name
  for f in "$made"/*; do
    name=$(basename "$f")
    if cmp -s "$f" "$committed/$name"; then
      echo "identical  $name  sha256 $(sha256sum "$f" | cut -d' ' -f1)"
    else
      echo "DIFFERENT  $name: the committed file does not match what was made (run with --install to replace it)"
      status=1
    fi
  done
  return $status
}
