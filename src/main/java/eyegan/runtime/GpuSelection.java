package eyegan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Decides which GPUs CUDA shows this process, before TensorFlow starts CUDA.
 *
 * <p>A training step must run on one device as a whole. Pinning eyegan's own ops to {@code GPU:N}
 * is not enough: the gradient ops TensorFlow adds through its C API carry no device and would land
 * on {@code GPU:0}. Setting {@code CUDA_VISIBLE_DEVICES} before CUDA initialises leaves exactly the
 * chosen card, which TensorFlow then calls {@code GPU:0}, and every op with a GPU kernel runs there;
 * TensorFlow also stops reserving memory on the other cards. For the CPU the variable hides every
 * GPU, so TensorFlow does not even start CUDA. Like {@link NativeLogging}, this goes through
 * libc's {@code setenv} because the JVM cannot change its own environment.
 */
public final class GpuSelection {
  private static final String VARIABLE = "CUDA_VISIBLE_DEVICES";
  /** CUDA's way to say "no GPU". */
  private static final String NONE = "-1";

  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  private GpuSelection() {}

  /**
   * The CUDA devices visible before eyegan narrowed them: the user's own {@code
   * CUDA_VISIBLE_DEVICES} entries, or null when the user set none (all of the driver's GPUs).
   */
  public static String[] userVisible() {
    String v = System.getenv(VARIABLE); // the environment the JVM started with; setenv does not change it
    return v == null || v.isBlank() ? null : v.split(",");
  }

  /**
   * Shows CUDA only {@code device}: the GPU at that index among the visible ones, or none for the
   * CPU. Must run before TensorFlow starts CUDA (its first session); later it changes nothing.
   *
   * @return false when the C library could not be reached (the setting is then left as it was)
   */
  public static boolean restrictTo(StepDevice device) {
    String value;
    if (!device.gpu()) {
      value = NONE;
    } else {
      String[] visible = userVisible();
      value = visible == null ? String.valueOf(device.index()) : visible[device.index()].trim();
    }
    try {
      return Native.load("c", LibC.class).setenv(VARIABLE, value, 1) == 0;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false;
    }
  }
}
