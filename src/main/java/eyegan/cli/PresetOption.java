package eyegan.cli;

import eyegan.config.Preset;
import eyegan.runtime.Devices;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Resolves {@code --preset}: a preset name, or {@code auto} = {@code article} when TensorFlow sees a
 * GPU and {@code cpu} otherwise.
 */
final class PresetOption {
  private PresetOption() {}

  /** The preset plus the sentence that says why it was chosen. */
  record Choice(Preset preset, String reason) {}

  static Choice resolve(String value) {
    if (value == null || value.equalsIgnoreCase("auto")) {
      if (Devices.hasGpu()) {
        return new Choice(Preset.ARTICLE, "preset article (auto: TensorFlow sees a GPU)");
      }
      return new Choice(Preset.CPU, "preset cpu (auto: TensorFlow sees no GPU; use --preset article to force the reference size)");
    }
    Preset p = Preset.parse(value);
    return new Choice(p, "preset " + p.id());
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
