package eyegan.cli;

import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.runtime.Devices;
import eyegan.runtime.GpuReadiness;
import eyegan.runtime.GpuSelection;
import eyegan.runtime.NvidiaDriver;
import eyegan.runtime.StepDevice;
import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Resolves {@code --device}: {@code cpu}, {@code gpu[:N]}, or {@code auto} (GPU 0 when TensorFlow
 * can use it, the CPU otherwise). Runs before TensorFlow starts CUDA, so that the chosen device is
 * the only one TensorFlow sees ({@link GpuSelection}).
 */
final class DeviceOption {
  private DeviceOption() {}

  /**
   * The device, how to name it to the user, and why it was chosen.
   *
   * @param label e.g. {@code GPU 0 (NVIDIA H200)} or {@code CPU}
   * @param reason e.g. {@code auto: TensorFlow sees the GPU}
   * @param warning a line to show before training, or null
   */
  record Choice(StepDevice device, String label, String reason, String warning) {}

  static Choice resolve(String value) {
    if (value == null || value.equalsIgnoreCase("auto")) {
      return auto();
    }
    StepDevice d = StepDevice.parse(value);
    if (!d.gpu()) {
      GpuSelection.restrictTo(d);
      return new Choice(d, "CPU", "--device cpu", null);
    }
    int count = visibleGpuCount();
    if (!NvidiaDriver.present() || count == 0) {
      throw new UserInputException("--device " + d + ": this machine has no NVIDIA GPU (no driver in /proc/driver/nvidia);"
          + " use --device cpu");
    }
    if (d.index() >= count) {
      throw new UserInputException("--device " + d + ": no such GPU; this machine has " + count + " ("
          + String.join(", ", gpuNames()) + ")");
    }
    GpuSelection.restrictTo(d);
    if (!Devices.hasGpu()) {
      throw new EyeganException("--device " + d + ": TensorFlow cannot use the GPU: "
          + GpuReadiness.check().problem().orElse("see eyegan doctor"));
    }
    return new Choice(d, label(d), "--device " + d, null);
  }

  /** GPU 0 when TensorFlow can use it; otherwise the CPU, with a warning when a GPU sits idle. */
  private static Choice auto() {
    if (!NvidiaDriver.present() || visibleGpuCount() == 0) {
      return new Choice(StepDevice.CPU, "CPU", "auto: no NVIDIA GPU on this machine", null);
    }
    StepDevice first = StepDevice.gpu(0);
    GpuSelection.restrictTo(first); // one card: TensorFlow would otherwise reserve memory on all of them
    if (Devices.hasGpu()) {
      return new Choice(first, label(first), "auto: TensorFlow sees the GPU", null);
    }
    String why = GpuReadiness.check().problem().orElse("see eyegan doctor");
    return new Choice(StepDevice.CPU, "CPU", "auto: TensorFlow cannot use the GPU",
        "eyegan: an NVIDIA GPU is present but TensorFlow cannot use it, so this runs on the CPU: " + why);
  }

  /** The GPUs CUDA will number: the user's CUDA_VISIBLE_DEVICES entries, or all the driver's. */
  private static int visibleGpuCount() {
    String[] visible = GpuSelection.userVisible();
    return visible != null ? visible.length : NvidiaDriver.gpus().size();
  }

  private static List<String> gpuNames() {
    List<String> names = NvidiaDriver.gpus();
    String[] visible = GpuSelection.userVisible();
    if (visible != null) {
      return IntStream.range(0, visible.length).mapToObj(i -> "gpu:" + i + " = CUDA device " + visible[i].trim()).toList();
    }
    return IntStream.range(0, names.size()).mapToObj(i -> "gpu:" + i).toList();
  }

  /**
   * e.g. {@code GPU 0 (NVIDIA H200)}. The driver lists GPUs in PCI order and CUDA numbers them
   * fastest first, so a model is named only where that cannot matter: all GPUs are the same model.
   */
  private static String label(StepDevice d) {
    List<String> names = NvidiaDriver.gpus();
    boolean oneModel = !names.isEmpty() && names.stream().distinct().count() == 1;
    return "GPU " + d.index() + (oneModel ? " (" + names.get(0) + ")" : "");
  }

  /** picocli converter: a malformed device is a usage error (exit 2) before anything starts. */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.equalsIgnoreCase("auto")) {
        try {
          StepDevice.parse(value);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.TypeConversionException(e.getMessage());
        }
      }
      return value;
    }
  }
}
