package eyegan.runtime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a training step runs: the CPU, or one GPU by its CUDA index (as {@code CUDA_VISIBLE_DEVICES}
 * counts them; the same as {@code nvidia-smi}'s numbers on a machine of identical GPUs or with
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}).
 *
 * @param gpu true for a GPU
 * @param index the GPU's CUDA index; 0 for the CPU
 */
public record StepDevice(boolean gpu, int index) {
  public static final StepDevice CPU = new StepDevice(false, 0);

  private static final Pattern GPU_SYNTAX = Pattern.compile("gpu(?::(\\d{1,4}))?");

  public StepDevice {
    if (index < 0 || (!gpu && index != 0)) {
      throw new IllegalArgumentException("bad device index " + index);
    }
  }

  /** GPU number {@code index}. */
  public static StepDevice gpu(int index) {
    return new StepDevice(true, index);
  }

  /**
   * {@code cpu}, {@code gpu} (= {@code gpu:0}) or {@code gpu:N}, any case.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static StepDevice parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("cpu")) {
      return CPU;
    }
    Matcher m = GPU_SYNTAX.matcher(t);
    if (m.matches()) {
      return gpu(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException("'" + text + "' is not a device; use cpu, gpu or gpu:N (N = CUDA's number of the GPU)");
  }

  /** As typed on the command line: {@code cpu} or {@code gpu:N}. */
  @Override
  public String toString() {
    return gpu ? "gpu:" + index : "cpu";
  }
}
