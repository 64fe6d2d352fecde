package eyegan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one line {@code doctor} ends with, for the situations a GPU machine can be in. */
class GpuReadinessTest {
  private static List<CudaLibraries.Library> libraries(String cudnnDetail, String... missing) {
    List<CudaLibraries.Library> out = new ArrayList<>();
    for (String[] n : CudaLibraries.NEEDED) {
      boolean absent = List.of(missing).contains(n[0]);
      String detail = absent ? "cannot open shared object file" : n[0].startsWith("libcudnn") ? cudnnDetail : "";
      out.add(new CudaLibraries.Library(n[0], n[1], n[2].equals("required"),
          absent ? Optional.empty() : Optional.of("/usr/lib/" + n[0]), detail));
    }
    return out;
  }

  @Test
  void noGpuIsNoProblem() {
    GpuReadiness r = new GpuReadiness(false, false, libraries("", "libcuda.so.1", "libcudart.so.12"), false);
    assertEquals(Optional.empty(), r.problem());
    assertTrue(!r.usable());
  }

  @Test
  void aUsableGpu() {
    GpuReadiness r = new GpuReadiness(true, true, libraries("cuDNN 9.3.0, built for CUDA 12.5"), true);
    assertEquals(Optional.empty(), r.problem());
    assertTrue(r.usable());
  }

  @Test
  void cpuNativesOnAGpuMachine() {
    String line = new GpuReadiness(true, false, libraries(""), false).problem().orElseThrow();
    assertTrue(line.contains("CPU natives") && line.contains("-Pcpu"), line);
  }

  @Test
  void theProbedCuda13Machine() {
    // H200, driver 580, CUDA 13.0 toolkit and cuDNN 9.14 for CUDA 13: none of CUDA 12's sonames.
    List<CudaLibraries.Library> libs = libraries("cuDNN 9.14.0, built for CUDA 13.0", "libcudart.so.12",
        "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11", "libcusolver.so.11", "libcupti.so.12", "libnccl.so.2");
    String line = new GpuReadiness(true, true, libs, false).problem().orElseThrow();
    assertTrue(line.startsWith("install the CUDA 12 libraries"), line);
    assertTrue(line.contains("libcudart.so.12, libcublas.so.12, libcublasLt.so.12, libcufft.so.11, libcusolver.so.11 ("), line);
    assertTrue(!line.contains("libcupti") && !line.contains("libnccl"), "optional ones are not demanded: " + line);
  }

  @Test
  void theDriversOwnLibraryMissing() {
    String line = new GpuReadiness(true, true, libraries("", "libcuda.so.1"), false).problem().orElseThrow();
    assertTrue(line.contains("libcuda.so.1"), line);
  }

  @Test
  void cudnnForTheWrongCuda() {
    String line = new GpuReadiness(true, true, libraries("cuDNN 9.14.0, built for CUDA 13.0"), false).problem().orElseThrow();
    assertTrue(line.contains("cuDNN 9 for CUDA 12"), line);
  }

  @Test
  void everythingPresentButNoDevice() {
    String line = new GpuReadiness(true, true, libraries("cuDNN 9.3.0, built for CUDA 12.5"), false).problem().orElseThrow();
    assertTrue(line.contains("doctor --verbose"), line);
  }
}
