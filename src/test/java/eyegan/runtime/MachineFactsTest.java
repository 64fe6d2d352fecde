package eyegan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers behind {@code eyegan doctor} and {@code --device}, on text as the machines write it. */
class MachineFactsTest {
  @Test
  void driverVersionFromProc() {
    // /proc/driver/nvidia/version of the H200 machine eyegan was probed on
    String text = "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (nixbld@)  \n"
        + "GCC version:  gcc version 15.3.0 (GCC) \n";
    assertEquals("580.159.04", NvidiaDriver.parseVersion(text));
    assertEquals("535.104", NvidiaDriver.parseVersion("NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104  Thu Aug 10\n"));
    assertEquals("unknown", NvidiaDriver.parseVersion("garbage"));
  }

  @Test
  void cpuModelAndVectorExtensions() {
    String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel name\t: AMD EPYC 9B14\n"
        + "flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c avx2 fma bmi2 avx512f avx512dq avx512_bf16 avx512_vnni\n"
        + "processor\t: 1\nmodel name\t: AMD EPYC 9B14\n";
    CpuInfo info = CpuInfo.parse(cpuinfo);
    assertEquals("AMD EPYC 9B14", info.model());
    assertEquals("25", info.family());
    assertEquals("AMD EPYC 9B14, cpu family 25, AVX-512", info.describe());
    assertEquals("Old, no AVX2", CpuInfo.parse("model name\t: Old\nflags\t\t: fpu sse sse2\n").describe());
    assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16"), info.vectorExtensions());
    assertEquals(List.of(), CpuInfo.parse("model name\t: Old\nflags\t\t: fpu sse sse2\n").vectorExtensions());
  }

  @Test
  void cudaVersionNumbers() {
    assertEquals("12.5", CudaLibraries.cudaVersion(12050));
    assertEquals("13.0", CudaLibraries.cudaVersion(13000));
  }

  @Test
  void librariesAreLookedUpByTheLoader() {
    CudaLibraries.Library zlib = CudaLibraries.probe("libz.so.1"); // every Linux has it; the JDK itself links it
    assertTrue(zlib.found(), zlib.detail());
    assertTrue(zlib.path().orElseThrow().contains("/libz.so.1"), zlib.path().toString());
    CudaLibraries.Library none = CudaLibraries.probe("libeyegan-no-such-library.so.12");
    assertFalse(none.found());
    assertTrue(none.detail().contains("cannot open shared object file"), none.detail());
  }

  @Test
  void theLibrariesTensorFlow218Needs() {
    // TensorFlow 2.18's dlopen_checker.cc opens these (CUDA 12.5: cuFFT 11, cuSOLVER 11) plus the driver's libcuda.
    List<String> required = CudaLibraries.check().stream().filter(CudaLibraries.Library::required)
        .map(CudaLibraries.Library::file).toList();
    assertEquals(List.of("libcuda.so.1", "libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11",
        "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9"), required);
  }

  @Test
  void devicesAsTyped() {
    assertEquals(StepDevice.CPU, StepDevice.parse("cpu"));
    assertEquals(StepDevice.gpu(0), StepDevice.parse("GPU"));
    assertEquals(StepDevice.gpu(3), StepDevice.parse("gpu:3"));
    assertEquals("gpu:3", StepDevice.gpu(3).toString());
    for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", "cpu:1", ""}) {
      assertThrows(IllegalArgumentException.class, () -> StepDevice.parse(bad), bad);
    }
  }
}
