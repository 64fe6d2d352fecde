package eyegan.runtime;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds, by name, each CUDA and cuDNN library TensorFlow 2.18's CUDA build loads at run time, the
 * way TensorFlow does: {@code dlopen} of the exact file name in this process, so the loader's search
 * (LD_LIBRARY_PATH, the ldconfig cache, the system folders) is the one TensorFlow meets.
 *
 * <p>TensorFlow 2.18 was built against CUDA 12.5 and cuDNN 9.3; its loader asks for these major
 * versions (TensorFlow's {@code dso_loader.cc} and {@code dlopen_checker.cc}). It registers no GPU
 * unless every required one opens; a CUDA 13 library has a different file name and does not count.
 */
public final class CudaLibraries {
  /**
   * One library.
   *
   * @param file the file name TensorFlow opens, e.g. {@code libcudart.so.12}
   * @param role what TensorFlow uses it for
   * @param required whether TensorFlow uses the GPU at all without it
   * @param path where the loader found it, empty when it did not
   * @param detail the library's own version where it reports one, or the loader's error
   */
  public record Library(String file, String role, boolean required, Optional<String> path, String detail) {
    public boolean found() {
      return path.isPresent();
    }
  }

  /** The driver's library, installed with the NVIDIA driver, not with CUDA. */
  public static final String DRIVER = "libcuda.so.1";
  /** The libraries TensorFlow needs, in the order it opens them; see the class comment. */
  static final String[][] NEEDED = {
    {DRIVER, "CUDA driver API (comes with the NVIDIA driver)", "required"},
    {"libcudart.so.12", "CUDA 12 runtime", "required"},
    {"libcublas.so.12", "cuBLAS 12 (matmul)", "required"},
    {"libcublasLt.so.12", "cuBLASLt 12 (matmul)", "required"},
    {"libcufft.so.11", "cuFFT 11 (CUDA 12's FFT)", "required"},
    {"libcusolver.so.11", "cuSOLVER 11 (CUDA 12's solvers)", "required"},
    {"libcusparse.so.12", "cuSPARSE 12", "required"},
    {"libcudnn.so.9", "cuDNN 9 for CUDA 12 (convolutions, batch norm)", "required"},
    {"libcupti.so.12", "CUPTI 12 (profiler only)", "optional"},
    {"libnccl.so.2", "NCCL 2 (multi-GPU collectives, unused by eyegan)", "optional"},
  };

  private static final int RTLD_LAZY = 1;

  private CudaLibraries() {}

  /** Every library of {@link #NEEDED}, found or not. */
  public static List<Library> check() {
    List<Library> out = new ArrayList<>();
    Dl dl = Dl.open();
    for (String[] n : NEEDED) {
      out.add(dl == null ? new Library(n[0], n[1], n[2].equals("required"), Optional.empty(), "no dlopen in this JVM")
          : dl.check(n[0], n[1], n[2].equals("required")));
    }
    return out;
  }

  /** One library by file name, looked up as {@link #check()} does (for tests and single questions). */
  static Library probe(String file) {
    Dl dl = Dl.open();
    return dl == null ? new Library(file, "", true, Optional.empty(), "no dlopen in this JVM") : dl.check(file, "", true);
  }

  /** The required libraries that did not open. */
  public static List<Library> missing(List<Library> libraries) {
    return libraries.stream().filter(l -> l.required() && !l.found()).toList();
  }

  /** libc's (or, before glibc 2.34, libdl's) dlopen family, reached through JNA. */
  private record Dl(Function dlopen, Function dlerror, Function dlsym) {
    static Dl open() {
      for (String lib : new String[] {"c", "dl"}) {
        try {
          NativeLibrary l = NativeLibrary.getInstance(lib);
          Dl dl = new Dl(l.getFunction("dlopen"), l.getFunction("dlerror"), l.getFunction("dlsym"));
          // A first failing lookup, thrown away: JNA's first calls through these functions link
          // native methods (dlsym inside the JVM), which spoils the message of the first real error.
          dl.check("libeyegan-warm-up.so.0", "", false);
          return dl;
        } catch (UnsatisfiedLinkError e) {
          // try the next one
        }
      }
      return null;
    }

    Library check(String file, String role, boolean required) {
      // glibc formats dlerror's message from the name passed to dlopen, so that name must still be
      // alive when dlerror runs: a JNA-converted String argument is freed as soon as dlopen returns.
      Memory name = new Memory(file.length() + 1L);
      name.setString(0, file, "US-ASCII");
      Pointer handle = (Pointer) dlopen.invoke(Pointer.class, new Object[] {name, RTLD_LAZY});
      if (handle == null) {
        Pointer message = (Pointer) dlerror.invoke(Pointer.class, new Object[0]);
        String error = message == null ? null : message.getString(0, "UTF-8");
        java.lang.ref.Reference.reachabilityFence(name);
        return new Library(file, role, required, Optional.empty(), error == null ? "not found" : shorten(error, file));
      }
      // Left open on purpose: TensorFlow opens the same file later and gets this handle back.
      return new Library(file, role, required, Optional.of(mappedPath(file).orElse(file)), version(file, handle));
    }

    /** The version a library reports about itself, for the ones where a mismatch is common. */
    private String version(String file, Pointer handle) {
      if (file.startsWith("libcudart.")) {
        return intVersion(handle, "cudaRuntimeGetVersion").map(v -> "CUDA runtime " + cudaVersion(v)).orElse("");
      }
      if (file.equals(DRIVER)) {
        return intVersion(handle, "cuDriverGetVersion").map(v -> "supports CUDA up to " + cudaVersion(v)).orElse("");
      }
      if (file.startsWith("libcudnn.")) {
        Pointer f = (Pointer) dlsym.invoke(Pointer.class, new Object[] {handle, "cudnnGetVersion"});
        Pointer rt = (Pointer) dlsym.invoke(Pointer.class, new Object[] {handle, "cudnnGetCudartVersion"});
        if (f == null) {
          return "";
        }
        long v = Function.getFunction(f).invokeLong(new Object[0]);
        String built = rt == null ? "" : ", built for CUDA " + cudaVersion((int) Function.getFunction(rt).invokeLong(new Object[0]));
        // cuDNN 9 encodes 9.3.0 as 90300.
        return String.format(Locale.ROOT, "cuDNN %d.%d.%d%s", v / 10000, (v / 100) % 100, v % 100, built);
      }
      return "";
    }

    private Optional<Integer> intVersion(Pointer handle, String symbol) {
      Pointer f = (Pointer) dlsym.invoke(Pointer.class, new Object[] {handle, symbol});
      if (f == null) {
        return Optional.empty();
      }
      IntByReference v = new IntByReference();
      int status = Function.getFunction(f).invokeInt(new Object[] {v});
      return status == 0 ? Optional.of(v.getValue()) : Optional.empty();
    }
  }

  /** CUDA's integer versions: 12050 = 12.5. */
  static String cudaVersion(int v) {
    return (v / 1000) + "." + (v % 1000) / 10;
  }

  /** dlerror's "libx.so.12: cannot open shared object file: No such file or directory" without the repetition. */
  private static String shorten(String error, String file) {
    return error.startsWith(file + ": ") ? error.substring(file.length() + 2) : error;
  }

  /** Where the loader mapped {@code file} from, read from this process's memory map. */
  private static Optional<String> mappedPath(String file) {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(p -> p.contains("/" + file))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
