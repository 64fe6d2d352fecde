package eyegan.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPU's model and the vector extensions TensorFlow's CPU kernels (oneDNN, Eigen) can use, from
 * {@code /proc/cpuinfo}. They explain most of the CPU speed differences between machines: AVX-512
 * roughly triples the matmul peak of an AVX2-only core.
 */
public final class CpuFeatures {
  /** The extensions worth naming, in order of arrival. */
  static final List<String> VECTOR_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni",
      "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8");

  /**
   * @param model e.g. {@code AMD EPYC 9B14}
   * @param vectorExtensions those of {@link #VECTOR_FLAGS} the CPU has, in that order
   */
  public record Info(String model, List<String> vectorExtensions) {}

  private CpuFeatures() {}

  /** This machine's CPU; "unknown" and no extensions where {@code /proc/cpuinfo} is unreadable. */
  public static Info read() {
    try {
      return parse(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException e) {
      return new Info("unknown", List.of());
    }
  }

  /** The first processor's model name and flags in {@code /proc/cpuinfo}'s format. */
  static Info parse(String cpuinfo) {
    String model = field(cpuinfo, "model name");
    Set<String> flags = Arrays.stream(field(cpuinfo, "flags").split("\\s+")).collect(Collectors.toSet());
    return new Info(model.isEmpty() ? "unknown" : model, VECTOR_FLAGS.stream().filter(flags::contains).toList());
  }

  private static String field(String cpuinfo, String name) {
    return cpuinfo.lines()
        .filter(l -> l.startsWith(name) && l.indexOf(':') > 0 && l.substring(0, l.indexOf(':')).trim().equals(name))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("");
  }
}
