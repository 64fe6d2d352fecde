package eyegan.cli;

import eyegan.config.Preset;
import eyegan.runtime.Devices;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Resolves {@code --preset}: a preset name, or {@code auto} = {@code article} when the step runs on
 * a GPU and {@code cpu} otherwise.
 */
final class PresetOption {
  private PresetOption() {}

  /** The preset plus the sentence that says why it was chosen. */
  record Choice(Preset preset, String reason) {}

  /**
   * For commands that build a model without training it (summary, graphs): {@code auto} follows
   * what TensorFlow sees, as {@code train} would by default.
   */
  static Choice resolve(String value) {
    if (value == null || value.equalsIgnoreCase("auto")) {
      return Devices.hasGpu() ? new Choice(Preset.ARTICLE, "preset article (auto: TensorFlow sees a GPU)")
          : new Choice(Preset.CPU, "preset cpu (auto: TensorFlow sees no GPU)");
    }
    Preset p = Preset.parse(value);
    return new Choice(p, "preset " + p.id());
  }

  /**
   * For commands that run the training step: {@code auto} follows the step's device.
   *
   * @param device where the step runs ({@link DeviceOption})
   * @return the choice, whose reason names the preset, the device and why, e.g. {@code preset
   *     article, step on GPU 0 (NVIDIA H200) (auto: TensorFlow sees the GPU)}
   */
  static Choice resolve(String value, DeviceOption.Choice device) {
    String where = ", step on " + device.label() + " (" + device.reason();
    if (value == null || value.equalsIgnoreCase("auto")) {
      if (device.device().gpu()) {
        return new Choice(Preset.ARTICLE, "preset article" + where + ")");
      }
      return new Choice(Preset.CPU, "preset cpu" + where + "; use --preset article to force the reference size)");
    }
    Preset p = Preset.parse(value);
    return new Choice(p, "preset " + p.id() + where + ")");
  }

  /** picocli converter that validates the name early so a typo is a usage error (exit 2). */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.equalsIgnoreCase("auto")) {
        try {
          Preset.parse(value);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.TypeConversionException(e.getMessage());
        }
      }
      return value;
    }
  }
}
