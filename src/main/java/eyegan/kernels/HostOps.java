package eyegan.kernels;

import java.util.Map;

/**
 * The ops of eyegan's graphs that run on the host (CPU) by design, each with the reason. They are
 * all in the export's {@code generate_png} signature, pinned to the host by {@code
 * PngBatchEncoder}; every other op must have a GPU kernel ({@link KernelCoverage}).
 */
public final class HostOps {
  private static final String STRINGS = "string tensors live in host memory on every device (TensorFlow has"
      + " no GPU kernel for them); builds the batch of PNG files around EncodePng";

  private static final Map<String, String> REASONS = Map.of(
      "EncodePng", "PNG encoding is zlib compression, CPU work TensorFlow has no GPU kernel for; the uint8"
          + " images cross to the host once, after the generator (48 KiB per 128 px image)",
      "GatherV2", "picks image i of the uint8 batch for EncodePng inside the host-side loop (no GPU kernel"
          + " for uint8; the batch is already on the host)",
      "Const", STRINGS,
      "Fill", STRINGS,
      "Reshape", STRINGS,
      "TensorScatterUpdate", STRINGS);

  private HostOps() {}

  /** Why {@code op} runs on the host, or null when it is expected to have a GPU kernel. */
  public static String reason(String op) {
    return REASONS.get(op);
  }

  /** Every op on the list with its reason. */
  public static Map<String, String> all() {
    return REASONS;
  }
}
