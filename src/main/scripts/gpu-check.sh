#!/usr/bin/env bash
# Checks eyegan on a CUDA machine: builds it with the CUDA natives, prints `eyegan doctor` (driver,
# CUDA/cuDNN libraries, devices), checks every op of every graph for a GPU kernel, runs the article
# preset's training step on the GPU for a fixed number of steps and reports images/s, the achieved
# TFLOP/s against the card's matmul peak (measured by TensorFlow in the same process), where the
# step's ops were placed, and the ETA of the whole 1,600-epoch schedule; then the same with XLA.
#
# Needs: an NVIDIA driver for CUDA 12.5 or later, the CUDA 12 and cuDNN 9 (for CUDA 12) runtime
# libraries on the loader path (TensorFlow 2.18 dlopens libcudart.so.12, libcublas.so.12,
# libcublasLt.so.12, libcufft.so.11, libcusolver.so.11, libcusparse.so.12, libcudnn.so.9; doctor
# names any that are missing), Java 17 and Maven.
# Usage: src/main/scripts/gpu-check.sh [steps] [gpu]   (from anywhere; default 50 steps on gpu:0)
set -euo pipefail
cd "$(dirname "$0")/../../.."
steps="${1:-50}"
device="${2:-gpu:0}"
jar=target/eyegan.jar
mkdir -p target

echo "== nvidia-smi"
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv,noheader
else
  echo "nvidia-smi not found"
fi

echo "== build with the CUDA natives (-Pgpu; Maven also picks them by itself where the driver is loaded)"
mvn -B -q -Pgpu package -DskipTests

echo "== eyegan doctor"
if ! java -jar "$jar" doctor; then
  echo "gpu-check: the GPU is not usable yet; install what the line above says and run this again" >&2
  exit 1
fi

echo "== GPU kernels of the training step, sampling and export graphs (full table: target/gpu-kernels.txt)"
java -jar "$jar" doctor --kernels > target/gpu-kernels.txt || { grep -E '^(==|  MISSING)' target/gpu-kernels.txt; exit 1; }
grep -E '^== ' target/gpu-kernels.txt

echo "== article preset on $device: $steps timed steps"
java -jar "$jar" bench --preset article --device "$device" --steps "$steps" --warmup 5 --skip-data --skip-inference \
  --json target/bench-gpu.json | tee target/bench-gpu.txt
echo "== the same with XLA"
java -jar "$jar" bench --preset article --device "$device" --steps "$steps" --warmup 5 --skip-data --skip-inference \
  --xla --json target/bench-gpu-xla.json | tee target/bench-gpu-xla.txt

echo "== summary ($device, article: 128 px, batch 64)"
for f in target/bench-gpu.txt target/bench-gpu-xla.txt; do
  echo "$([ "$f" = target/bench-gpu.txt ] && echo "without XLA" || echo "with XLA"):"
  grep -E 'matmul peak|images/s|achieved|placement|schedule' "$f" | sed 's/^ */  /'
done
echo "target of the issue: the whole schedule (1600 epochs x 2000 images) in 20 minutes or less"
