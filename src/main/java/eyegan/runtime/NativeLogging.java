package eyegan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps TensorFlow's native start-up chatter (oneDNN notices, CPU feature hints, MLIR pass logs) off
 * the terminal unless the user asks for it.
 *
 * <p>TensorFlow reads {@code TF_CPP_MIN_LOG_LEVEL} from the process environment once, when its
 * native library first logs. The JVM cannot change its own environment, so this calls libc's
 * {@code setenv} through JNA; it must run before the first TensorFlow class is touched. A value the
 * user already exported always wins.
 *
 * <p>Some TensorFlow 2.18 code logs through a private copy of Abseil that ignores the variable (the
 * "MLIR V1 optimization pass is not enabled" line); {@link NativeStderrFilter} drops those lines.
 */
public final class NativeLogging {
  /** TensorFlow's level for "errors only" (0 = all, 1 = no INFO, 2 = no WARNING, 3 = no ERROR). */
  public static final String QUIET_LEVEL = "2";

  private static final String VARIABLE = "TF_CPP_MIN_LOG_LEVEL";

  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  private NativeLogging() {}

  /**
   * Sets TensorFlow's native log level for this process unless the user set it.
   *
   * @param verbose true shows everything TensorFlow logs (level 0), false only its errors
   */
  public static void configure(boolean verbose) {
    if (System.getenv(VARIABLE) != null) {
      return;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      libc.setenv(VARIABLE, verbose ? "0" : QUIET_LEVEL, 0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // Not fatal: the only cost is TensorFlow's INFO lines on stderr.
    }
  }
}
