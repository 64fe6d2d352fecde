package eyegan.runtime;

import eyegan.kernels.KernelRegistry;
import java.net.URL;
import java.util.Optional;

/**
 * Which TensorFlow natives this process links: the CPU build or the CUDA build of the same
 * TensorFlow 2.18 (Maven's {@code tensorflow-core-native} classifier {@code linux-x86_64} or
 * {@code linux-x86_64-gpu}, chosen by the cpu/gpu profiles of the pom).
 */
public final class NativeBuild {
  /** The classifier of the CUDA build. */
  public static final String CUDA_CLASSIFIER = "linux-x86_64-gpu";
  private static final String JNI_LIBRARY = "/org/tensorflow/internal/c_api/%s/libjnitensorflow.so";

  private NativeBuild() {}

  /** True when the loaded natives hold GPU kernels (asks TensorFlow's kernel registry, loading it). */
  public static boolean isCuda() {
    return KernelRegistry.loaded().isCudaBuild();
  }

  /** The jar the natives come from, as a path, when the class path shows it. */
  public static Optional<String> jar() {
    for (String classifier : new String[] {CUDA_CLASSIFIER, "linux-x86_64"}) {
      URL url = NativeBuild.class.getResource(String.format(JNI_LIBRARY, classifier));
      if (url != null) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        return Optional.of(s.startsWith("jar:file:") && bang > 0 ? s.substring("jar:file:".length(), bang) : s);
      }
    }
    return Optional.empty();
  }

  /** e.g. {@code CUDA build (tensorflow-core-native linux-x86_64-gpu)}. */
  public static String describe() {
    return isCuda() ? "CUDA build (tensorflow-core-native " + CUDA_CLASSIFIER + ", CUDA 12.5 / cuDNN 9.3)"
        : "CPU build (tensorflow-core-native linux-x86_64)";
  }
}
