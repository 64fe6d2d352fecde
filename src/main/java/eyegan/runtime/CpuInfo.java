package eyegan.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processor as Linux describes it in {@code /proc/cpuinfo}: its model name and whether it has
 * the vector extensions that decide TensorFlow's CPU speed (AVX-512 runs its matrix kernels about
 * three times faster than AVX2 on the same cores). Unknown fields read as "unknown" / false on
 * other systems.
 *
 * @param model the first {@code model name}, e.g. "AMD EPYC"
 * @param family the first {@code cpu family}, e.g. "26" (AMD Zen 5), "25" (Zen 3 and 4); "unknown"
 *     when absent: machines that share a model name differ by generation
 * @param flags the first processor's feature flags
 */
public record CpuInfo(String model, String family, Set<String> flags) {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  /** This machine's processor. */
  public static CpuInfo current() {
    try {
      return parse(Files.readString(CPUINFO));
    } catch (IOException | RuntimeException e) {
      return new CpuInfo("unknown", "unknown", Set.of());
    }
  }

  /** Reads the first processor's {@code model name}, {@code cpu family} and {@code flags} from cpuinfo text. */
  public static CpuInfo parse(String cpuinfo) {
    String model = "unknown";
    String family = "unknown";
    Set<String> flags = new HashSet<>();
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model.equals("unknown")) {
        model = value;
      } else if (key.equals("cpu family") && family.equals("unknown")) {
        family = value;
      } else if (key.equals("flags") && flags.isEmpty()) {
        flags.addAll(Arrays.asList(value.split("\\s+")));
      }
    }
    return new CpuInfo(model, family, Set.copyOf(flags));
  }

  /** The vector extensions worth naming, in order of arrival (what {@code eyegan doctor} lists). */
  static final List<String> VECTOR_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni",
      "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8");

  /** Those of {@link #VECTOR_FLAGS} this processor has, in that order. */
  public List<String> vectorExtensions() {
    return VECTOR_FLAGS.stream().filter(flags::contains).toList();
  }

  public boolean avx512() {
    return flags.contains("avx512f");
  }

  public boolean avx2() {
    return flags.contains("avx2");
  }

  /** e.g. "AMD EPYC, cpu family 26, AVX-512" or "Intel(R) Core(TM) i5-8250U, cpu family 6, AVX2". */
  public String describe() {
    String isa = avx512() ? "AVX-512" : avx2() ? "AVX2" : "no AVX2";
    return model + (family.equals("unknown") ? "" : ", cpu family " + family) + ", " + isa;
  }
}
