package eyegan.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The NVIDIA kernel driver as Linux shows it under {@code /proc/driver/nvidia}: whether it is
 * loaded, its version and the GPUs it drives. Read without CUDA or TensorFlow, so it answers even
 * where neither works.
 */
public final class NvidiaDriver {
  /** The file whose presence means the driver is loaded (also what the Maven gpu profile looks for). */
  public static final Path VERSION_FILE = Path.of("/proc/driver/nvidia/version");
  private static final Path GPUS = Path.of("/proc/driver/nvidia/gpus");
  /** {@code NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build ...}. */
  private static final Pattern VERSION = Pattern.compile("NVRM version:.*?\\s(\\d+\\.\\d+(?:\\.\\d+)?)\\s");
  private static final Pattern MODEL = Pattern.compile("(?m)^Model:\\s*(.+)$");

  private NvidiaDriver() {}

  /** True when the NVIDIA driver is loaded on this machine. */
  public static boolean present() {
    return Files.isReadable(VERSION_FILE);
  }

  /** The driver's version, e.g. {@code 580.159.04}, when it is loaded. */
  public static Optional<String> version() {
    try {
      return Optional.of(parseVersion(Files.readString(VERSION_FILE)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The version in the text of {@code /proc/driver/nvidia/version}; "unknown" when absent. */
  static String parseVersion(String text) {
    Matcher m = VERSION.matcher(text);
    return m.find() ? m.group(1) : "unknown";
  }

  /** The model names of the GPUs the driver drives, in PCI order, e.g. {@code NVIDIA H200}. */
  public static List<String> gpus() {
    List<String> names = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(GPUS)) {
      for (Path d : dirs.sorted().toList()) {
        Matcher m = MODEL.matcher(Files.readString(d.resolve("information")));
        names.add(m.find() ? m.group(1).trim() : d.getFileName().toString());
      }
    } catch (IOException e) {
      // no driver, or a layout this version of the driver does not have: no GPUs to name
    }
    return names;
  }
}
