package eyegan.cli;

import static eyegan.cli.CommandLineTest.eyegan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.kernels.KernelRegistry;
import eyegan.runtime.GpuReadiness;
import eyegan.runtime.NvidiaDriver;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --device} and {@code eyegan doctor}, in-process on whatever machine runs the tests. */
class DeviceAndDoctorTest {
  @ParameterizedTest
  @ValueSource(strings = {"train --device tpu", "train --device gpu:x", "bench --device cpu:2"})
  void malformedDevicesAreUsageErrors(String line) {
    CliResult r = eyegan(line.split(" "));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("eyegan: ") && r.err().contains("cpu, gpu or gpu:N"), r.err());
  }

  @Test
  void aGpuThatIsNotThereIsAUsageErrorWithoutAStackTrace() {
    CliResult r = eyegan("train", "--device", "gpu:7", "--preset", "tiny", "--data", "nowhere");
    assertEquals(2, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("eyegan: --device gpu:7: "), first);
    assertTrue(first.contains(NvidiaDriver.present() ? "no such GPU" : "no NVIDIA GPU"), first);
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void benchSaysFirstWhereTheStepRunsAndShowsThePlacement() {
    CliResult r = eyegan("bench", "--preset", "tiny", "--device", "cpu", "--steps", "1", "--warmup", "0",
        "--skip-inference", "--skip-data");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("eyegan bench: preset tiny, step on CPU (--device cpu)", lines.get(0));
    String placement = lines.stream().filter(l -> l.contains("placement:")).findFirst().orElseThrow();
    assertTrue(placement.matches("  placement: \\d+ nodes on CPU:0; 0 tensors cross between devices per step"), placement);
    String eta = lines.stream().filter(l -> l.contains("schedule:")).findFirst().orElseThrow();
    // tiny: 2 epochs of the built-in 2,000 images
    assertTrue(eta.contains("tiny schedule: 2 epochs x 2000 images = 0.0 M images"), eta);
  }

  @Test
  void benchTimesTheLazyR1StepWhenAsked() {
    CliResult r = eyegan("bench", "--preset", "tiny", "--device", "cpu", "--steps", "2", "--warmup", "0",
        "--skip-inference", "--skip-data", "--r1-gamma", "0.05", "--r1-every", "4");
    assertEquals(0, r.code(), r.err());
    String line = r.out().lines().filter(l -> l.contains("lazy R1 step:")).findFirst().orElseThrow();
    assertTrue(line.matches("  lazy R1 step: median \\d+\\.\\d ms, once every 4 steps: \\+\\d+\\.\\d% on the median step"), line);
    CliResult plain = eyegan("bench", "--preset", "tiny", "--device", "cpu", "--steps", "1", "--warmup", "0",
        "--skip-inference", "--skip-data");
    assertFalse(plain.out().contains("lazy R1"), plain.out());
  }

  @Test
  void doctorNamesEveryLibraryAndWhatTrainWouldDo() {
    CliResult r = eyegan("doctor");
    boolean problem = GpuReadiness.check().problem().isPresent();
    assertEquals(problem ? 1 : 0, r.code(), r.out() + r.err());
    for (String lib : List.of("libcuda.so.1", "libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11",
        "libcusolver.so.11", "libcusparse.so.12", "libcudnn.so.9")) {
      assertTrue(r.out().contains(lib), lib + " in\n" + r.out());
    }
    assertTrue(r.out().contains("tensorflow:  2.18"), r.out());
    assertTrue(r.out().contains(KernelRegistry.loaded().isCudaBuild() ? "natives:     CUDA build" : "natives:     CPU build"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("train:       preset ")), r.out());
    if (problem) {
      assertEquals(1, r.err().lines().count(), "one line that says what to install: " + r.err());
    } else {
      assertTrue(r.out().contains("verdict:     ok"), r.out());
    }
  }

  @Test
  void doctorKernelsNeedsTheCudaBuild() {
    Assumptions.assumeFalse(KernelRegistry.loaded().isCudaBuild(), "with the CUDA natives --kernels checks for real");
    Assumptions.assumeFalse(NvidiaDriver.present());
    CliResult r = eyegan("doctor", "--kernels");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("--kernels needs TensorFlow's CUDA natives"), r.err());
  }
}
