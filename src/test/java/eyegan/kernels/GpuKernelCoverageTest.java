package eyegan.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every op of every graph eyegan runs has a GPU kernel in TensorFlow's CUDA build, apart from the
 * host ops of {@link HostOps}, which must be pinned to the host. Needs the CUDA natives on the class
 * path but no GPU: {@code mvn -Pgpu-kernels test} (the profile links them and runs only this tag).
 * The table of op types and dtypes is written to {@code target/gpu-kernels.txt}.
 */
@Tag("gpu-kernels")
class GpuKernelCoverageTest {
  private static final KernelRegistry REGISTRY = KernelRegistry.loaded();
  private static final List<KernelCoverage.Part> PARTS = new ArrayList<>();

  @BeforeAll
  static void checkAllPresets() throws IOException {
    assertTrue(REGISTRY.isCudaBuild(), "the CUDA natives are not on the class path; run with -Pgpu-kernels");
    PARTS.addAll(CheckedGraphs.checkAll(REGISTRY, KernelRegistry.GPU));
    Path report = Path.of("target", "gpu-kernels.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, KernelTable.format(PARTS));
  }

  @Test
  void everyOpHasAGpuKernelOrIsAListedHostOpPinnedToTheHost() {
    List<String> problems = new ArrayList<>();
    for (KernelCoverage.Part part : PARTS) {
      part.problems().forEach(u -> problems.add(part.name() + ": " + u.op() + " " + u.dtypes() + " (" + u.example() + ")"));
    }
    assertEquals(List.of(), problems, "ops TensorFlow would move off the GPU");
  }

  @Test
  void nothingOfTheTrainingStepOrSamplingRunsOnTheHost() {
    for (KernelCoverage.Part part : PARTS) {
      if (part.name().endsWith("training step") || part.name().endsWith("sampling")) {
        assertEquals(List.of(), part.onHost(), part.name());
      }
    }
  }

  @Test
  void everyListedHostOpIsNeededAndHasNoGpuKernel() {
    // A stale entry (an op no graph uses any more, or that now has a GPU kernel) would hide nothing
    // today but would excuse the next op of that name.
    Set<String> lacking = new HashSet<>();
    for (KernelCoverage.Part part : PARTS) {
      part.uses().stream().filter(u -> !u.hasKernel()).forEach(u -> lacking.add(u.op()));
    }
    assertEquals(HostOps.all().keySet(), lacking);
  }
}
