package eyegan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory from {@code /proc/self/status} (Linux), in bytes; -1 if unknown. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Peak resident set size so far (VmHWM): Java heap, TensorFlow's buffers and code together. */
  public static long peakResidentBytes() {
    return field("VmHWM:");
  }

  /** Current resident set size (VmRSS). */
  public static long residentBytes() {
    return field("VmRSS:");
  }

  private static long field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024; // reported in kB
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
