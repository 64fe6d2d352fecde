package eyegan.cli;

import eyegan.kernels.CheckedGraphs;
import eyegan.kernels.KernelCoverage;
import eyegan.kernels.KernelRegistry;
import eyegan.kernels.KernelTable;
import eyegan.runtime.BuildInfo;
import eyegan.runtime.CpuInfo;
import eyegan.runtime.CudaLibraries;
import eyegan.runtime.Devices;
import eyegan.runtime.GpuReadiness;
import eyegan.runtime.NativeBuild;
import eyegan.runtime.NvidiaDriver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan doctor}: what this machine offers eyegan (Java, TensorFlow and its natives, the CPU,
 * the NVIDIA driver, the CUDA/cuDNN libraries, the devices TensorFlow sees) and what {@code train}
 * would do with it. Exit 0 when all is well, 1 with the one line that says what to install when a
 * GPU is present but TensorFlow cannot use it (or, with {@code --kernels}, when an op lacks a GPU
 * kernel).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Check Java, TensorFlow, the GPU and its libraries; say what train would do.",
    sortOptions = false,
    description = {
      "Show Java, the TensorFlow version and which natives are linked (CPU or CUDA build), the CPU's",
      "vector extensions, the NVIDIA driver, each CUDA/cuDNN library TensorFlow loads (found or missing),",
      "the devices TensorFlow sees and what train would do here. Exit 0 when all is well; 1 with the one",
      "line that says what to install when a GPU is present but unusable."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan doctor",
      "  eyegan doctor --kernels     # with the CUDA natives: every op of every graph has a GPU kernel"
    })
final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--kernels", description = "Also check every op of the training, sampling and export graphs"
      + " of each preset against the linked natives' GPU kernels (needs the CUDA build, not a GPU).")
  boolean kernels;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("eyegan doctor");
    out.printf(Locale.ROOT, "java:        %s (%s, %s)%n", System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("java.home"));
    CpuInfo cpu = CpuInfo.current();
    out.printf(Locale.ROOT, "cpu:         %s, %d cores; vector extensions: %s%n", cpu.model(),
        Runtime.getRuntime().availableProcessors(),
        cpu.vectorExtensions().isEmpty() ? "none found" : String.join(" ", cpu.vectorExtensions()));
    if (NvidiaDriver.present()) {
      List<String> gpus = NvidiaDriver.gpus();
      out.printf(Locale.ROOT, "nvidia:      driver %s, %d GPU%s: %s%n", NvidiaDriver.version().orElse("unknown"),
          gpus.size(), gpus.size() == 1 ? "" : "s", String.join(", ", gpus));
    } else {
      out.println("nvidia:      no driver loaded (" + NvidiaDriver.VERSION_FILE + " is absent): no NVIDIA GPU here");
    }
    out.println("cuda:        the libraries TensorFlow 2.18's CUDA build loads (it was built with CUDA 12.5, cuDNN 9.3):");
    List<CudaLibraries.Library> libs = CudaLibraries.check();
    for (CudaLibraries.Library l : libs) {
      String status = l.found() ? "found  " : l.required() ? "MISSING" : "absent ";
      String where = l.found() ? l.path().orElse("") + (l.detail().isEmpty() ? "" : " (" + l.detail() + ")") : l.detail();
      out.printf(Locale.ROOT, "  %s %-18s %-46s %s%n", status, l.file(), l.role(), where);
    }
    out.flush();
    out.printf(Locale.ROOT, "tensorflow:  %s (TensorFlow Java %s)%n", TensorFlow.version(), BuildInfo.tensorflowJava());
    out.println("natives:     " + NativeBuild.describe() + NativeBuild.jar().map(j -> " from " + j).orElse(""));
    List<String> devices = Devices.list().stream()
        .map(d -> shortName(d.name()) + (d.type().equalsIgnoreCase("GPU")
            ? String.format(Locale.ROOT, " (%.1f GiB)", d.memoryBytes() / (double) (1L << 30)) : ""))
        .toList();
    out.println("devices:     " + String.join(", ", devices));
    GpuReadiness readiness = new GpuReadiness(NvidiaDriver.present(), NativeBuild.isCuda(), libs, Devices.hasGpu());
    boolean gpu = readiness.usable();
    out.println("train:       " + (gpu
        ? "preset article, step on GPU 0 (" + firstGpuName() + "): --preset auto picks article when TensorFlow sees a GPU"
        : "preset cpu, step on the CPU: --preset auto picks cpu without a usable GPU"));
    out.flush();

    List<String> failures = new ArrayList<>();
    readiness.problem().ifPresent(failures::add);
    if (kernels) {
      failures.addAll(checkKernels(out));
    }
    if (failures.isEmpty()) {
      out.println("verdict:     ok" + (gpu ? ": the GPU is ready" : NvidiaDriver.present() ? "" : ": no GPU here, eyegan trains on the CPU"));
      out.flush();
      return 0;
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    failures.forEach(f -> err.println("eyegan: " + f));
    err.flush();
    return EyeganCommand.EXIT_INTERNAL;
  }

  /** The kernel table of every preset's graphs; returns one failure line per part with a problem. */
  private static List<String> checkKernels(PrintWriter out) {
    KernelRegistry registry = KernelRegistry.loaded();
    if (!registry.isCudaBuild()) {
      return List.of("--kernels needs TensorFlow's CUDA natives (the CPU build has no GPU kernels): build with -Pgpu,"
          + " or run mvn -Pgpu-kernels test");
    }
    List<KernelCoverage.Part> parts = CheckedGraphs.checkAll(registry, KernelRegistry.GPU);
    out.print(KernelTable.format(parts));
    return parts.stream().filter(p -> !p.problems().isEmpty())
        .map(p -> "op without a GPU kernel in " + KernelTable.summary(p)).toList();
  }

  private static String firstGpuName() {
    List<String> names = NvidiaDriver.gpus();
    return names.isEmpty() ? "GPU" : names.get(0);
  }

  private static String shortName(String tfName) {
    int i = tfName.indexOf("device:");
    return i >= 0 ? tfName.substring(i + "device:".length()) : tfName;
  }
}
