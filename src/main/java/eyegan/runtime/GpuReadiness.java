package eyegan.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether this machine's GPU can train eyegan, and if not, the one thing to install or change.
 * Checked from the outside in: the NVIDIA driver, the natives eyegan links, the CUDA/cuDNN
 * libraries TensorFlow loads, and finally whether TensorFlow registered a GPU device.
 *
 * @param driver whether the NVIDIA driver is loaded (a GPU is present)
 * @param cudaBuild whether the CUDA build of TensorFlow is linked
 * @param libraries each library TensorFlow loads, found or not
 * @param tensorflowSeesGpu whether TensorFlow registered a GPU device
 */
public record GpuReadiness(boolean driver, boolean cudaBuild, List<CudaLibraries.Library> libraries,
    boolean tensorflowSeesGpu) {
  /** The major CUDA version TensorFlow 2.18's CUDA build needs. */
  static final int CUDA_MAJOR = 12;

  /** Looks at this machine (loads TensorFlow and lists its devices). */
  public static GpuReadiness check() {
    List<CudaLibraries.Library> libs = CudaLibraries.check();
    return new GpuReadiness(NvidiaDriver.present(), NativeBuild.isCuda(), libs, Devices.hasGpu());
  }

  /** A GPU is present and TensorFlow can use it. */
  public boolean usable() {
    return driver && tensorflowSeesGpu;
  }

  /**
   * What stops a present GPU from being used, as one sentence that says what to install or run;
   * empty when the GPU is usable or there is none.
   */
  public Optional<String> problem() {
    if (!driver || tensorflowSeesGpu) {
      return Optional.empty();
    }
    if (!cudaBuild) {
      return Optional.of("an NVIDIA GPU is present but eyegan was built with TensorFlow's CPU natives (-Pcpu);"
          + " build without -Pcpu so Maven's gpu profile links the CUDA build (linux-x86_64-gpu)");
    }
    List<CudaLibraries.Library> missing = CudaLibraries.missing(libraries);
    if (missing.stream().anyMatch(l -> l.file().equals(CudaLibraries.DRIVER))) {
      return Optional.of("the NVIDIA driver is loaded but its user-space library libcuda.so.1 is not on the loader"
          + " path; install the driver's CUDA library (e.g. the libnvidia-compute package of the same driver version)");
    }
    if (!missing.isEmpty()) {
      return Optional.of("install the CUDA " + CUDA_MAJOR + " libraries TensorFlow 2.18 loads: "
          + missing.stream().map(CudaLibraries.Library::file).collect(Collectors.joining(", "))
          + " (CUDA 12.5 or later 12.x and cuDNN 9 for CUDA 12, e.g. pip install nvidia-cuda-runtime-cu12"
          + " nvidia-cublas-cu12 nvidia-cufft-cu12 nvidia-cusolver-cu12 nvidia-cusparse-cu12 nvidia-cudnn-cu12)"
          + " and put their lib folders on LD_LIBRARY_PATH");
    }
    Optional<String> wrongCudnn = libraries.stream()
        .filter(l -> l.file().startsWith("libcudnn.") && l.detail().contains("built for CUDA ")
            && !l.detail().contains("built for CUDA " + CUDA_MAJOR + "."))
        .map(l -> "libcudnn.so.9 at " + l.path().orElse("?") + " is " + l.detail()
            + "; install cuDNN 9 for CUDA " + CUDA_MAJOR + " (e.g. pip install nvidia-cudnn-cu12) ahead of it on LD_LIBRARY_PATH")
        .findFirst();
    if (wrongCudnn.isPresent()) {
      return wrongCudnn;
    }
    return Optional.of("the driver and the CUDA " + CUDA_MAJOR + " libraries are present but TensorFlow registered"
        + " no GPU; run eyegan doctor --verbose to read TensorFlow's reason (a driver too old for CUDA 12.5 is the"
        + " usual one: update the NVIDIA driver)");
  }
}
