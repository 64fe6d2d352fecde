#!/usr/bin/env bash
# Checks eyegan on a CUDA machine: builds the GPU variant, shows what the driver and TensorFlow see,
# and runs a short benchmark of the reference model with and without XLA.
#
# Needs: an NVIDIA driver, the CUDA 12 and cuDNN 9 runtime libraries on the loader path (TensorFlow
# 2.18 was built against CUDA 12.5 / cuDNN 9.3 and dlopens them at run time), Java 17 and Maven.
# Usage: src/main/scripts/gpu-check.sh [steps]     (from the repository root; default 20 steps)
set -euo pipefail
cd "$(dirname "$0")/../../.."
steps="${1:-20}"

echo "== driver"
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
else
  echo "nvidia-smi not found: no NVIDIA driver on this machine" >&2
fi

echo "== CUDA / cuDNN libraries the loader can find"
ldconfig -p | grep -E 'libcudart\.so\.12|libcublas\.so\.12|libcudnn\.so\.9' || \
  echo "none found via ldconfig; set LD_LIBRARY_PATH to the folders holding libcudart.so.12 and libcudnn.so.9" >&2

echo "== build (-Pgpu: tensorflow-core-native linux-x86_64-gpu)"
mvn -B -q -Pgpu package -DskipTests

echo "== devices TensorFlow sees, and the training-step benchmark"
java -jar target/eyegan.jar bench --preset article --steps "$steps" --skip-data --json target/bench-gpu.json
echo "== the same with XLA"
java -jar target/eyegan.jar bench --preset article --steps "$steps" --skip-data --skip-inference --xla \
  --json target/bench-gpu-xla.json
