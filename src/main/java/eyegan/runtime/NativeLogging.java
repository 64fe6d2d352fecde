package eyegan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.function.Supplier;

/**
 * Keeps TensorFlow's native start-up chatter (oneDNN notices, CPU feature hints, MLIR pass logs,
 * the SavedModel loader's progress) off the console unless the user asks for it, on the command
 * line and in library use alike.
 *
 * <p>TensorFlow reads {@code TF_CPP_MIN_LOG_LEVEL} from the process environment once, when its
 * native library first logs. The JVM cannot change its own environment, so this calls libc's
 * {@code setenv} through JNA; it must run before TensorFlow's natives load. Some TensorFlow 2.18
 * code logs through a private copy of Abseil that ignores the variable; {@link NativeStderrFilter}
 * drops those lines.
 *
 * <p>The switches, in order: a {@code TF_CPP_MIN_LOG_LEVEL} the user exported always wins (eyegan
 * then holds every TensorFlow line, the Abseil ones too, to that level: 0 shows everything); else
 * {@code --verbose} on the command line or the system property {@value #VERBOSE_PROPERTY}{@code
 * =true} in library use show everything; else only TensorFlow's errors show.
 */
public final class NativeLogging {
  /** TensorFlow's level for "errors only" (0 = all, 1 = no INFO, 2 = no WARNING, 3 = no ERROR). */
  public static final String QUIET_LEVEL = "2";
  /** System property that makes library use show TensorFlow's own log output. */
  public static final String VERBOSE_PROPERTY = "eyegan.tf.verbose";

  private static final String VARIABLE = "TF_CPP_MIN_LOG_LEVEL";
  private static final int HIGHEST_LEVEL = 3;

  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /** The command line's --verbose, which library calls made by a command follow too. */
  private static volatile boolean commandVerbose;

  private NativeLogging() {}

  /**
   * Sets TensorFlow's native log level for this process unless the user set it: what the command
   * line does with its {@code --verbose} flag.
   *
   * @param verbose true shows everything TensorFlow logs (level 0), false only its errors
   */
  public static void configure(boolean verbose) {
    commandVerbose = verbose;
    setLevel(verbose);
  }

  private static void setLevel(boolean verbose) {
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

  /**
   * The level TensorFlow's lines are held to: the user's {@code TF_CPP_MIN_LOG_LEVEL} when it is
   * set (a value TensorFlow would not read counts as 0, as TensorFlow treats it), else 0 when
   * {@code verbose}, else {@value #QUIET_LEVEL}.
   */
  public static int level(boolean verbose) {
    String user = System.getenv(VARIABLE);
    if (user != null) {
      try {
        return Math.max(0, Math.min(HIGHEST_LEVEL, Integer.parseInt(user.strip())));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return verbose ? 0 : Integer.parseInt(QUIET_LEVEL);
  }

  /** Whether library use should show TensorFlow's log output ({@value #VERBOSE_PROPERTY}). */
  public static boolean libraryVerbose() {
    return Boolean.getBoolean(VERBOSE_PROPERTY);
  }

  /**
   * Runs {@code action}, which may start TensorFlow or load a model, without TensorFlow's lines on
   * the caller's console: what library entry points wrap around the calls where TensorFlow logs.
   * Everything else written to stderr meanwhile reaches it unchanged, once {@code action} returns.
   */
  public static <T> T quietly(Supplier<T> action) {
    boolean verbose = commandVerbose || libraryVerbose();
    setLevel(verbose);
    try (NativeStderrFilter.Held held = NativeStderrFilter.open(level(verbose))) {
      return action.get();
    }
  }
}
