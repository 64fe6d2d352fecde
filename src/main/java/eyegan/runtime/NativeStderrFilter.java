package eyegan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Drops TensorFlow's INFO/WARNING log lines that native code writes straight to file descriptor 2,
 * and passes everything else through unchanged.
 *
 * <p>Part of TensorFlow 2.18 logs through a private Abseil copy that no setting reaches, so the
 * only way to keep the terminal for eyegan's own output is to put a pipe on fd 2 and filter it.
 * Java's {@code System.err} is re-pointed at the original stderr first, so eyegan's own messages
 * (errors above all) never wait on the filter thread. TensorFlow's ERROR lines pass through.
 * Installed only by the command-line entry point, never inside tests or library use.
 */
public final class NativeStderrFilter {
  /** tsl format: {@code 2026-11-28 23:23:49.646205: I tensorflow/core/...}. */
  private static final Pattern TSL_LINE =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+: [IW] .*");
  /** Abseil format: {@code I0000 00:00:1795908229.954793    2095 file.cc:401] ...}. */
  private static final Pattern ABSL_LINE = Pattern.compile("^[IW]\\d{4} [\\d:. ]+\\d+ \\S+:\\d+\\] .*");
  /**
   * TensorFlow 2.18's CUDA build registers its cuFFT, cuDNN and cuBLAS plugins twice and logs each
   * refusal as an ERROR at every start, GPU or not; the first registration is the one in use.
   */
  private static final Pattern DUPLICATE_CUDA_PLUGIN = Pattern.compile(
      ".*Unable to register cu(FFT|DNN|BLAS) factory: Attempting to register factory for plugin cu\\w+ when one has"
          + " already been registered$");
  /**
   * The CUDA build's complaint that CUDA cannot start: noise on a machine without an NVIDIA driver
   * (a CUDA jar built with -Pgpu, the kernel check), worth showing on one with a driver.
   */
  private static final Pattern CUINIT_FAILED = Pattern.compile(".*failed call to cuInit: .*");
  private static final boolean NO_DRIVER = !NvidiaDriver.present();
  private static final String ABSL_PREAMBLE =
      "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR";
  private static final int STDERR = 2;
  private static final int BUFFER = 8192;

  private interface LibC extends Library {
    int pipe(int[] fds);

    int dup(int fd);

    int dup2(int from, int to);

    long read(int fd, byte[] buffer, long count);

    long write(int fd, byte[] buffer, long count);
  }

  private NativeStderrFilter() {}

  /**
   * True for a line TensorFlow logged below ERROR level, or one of the ERRORs its CUDA build logs at
   * every start that say nothing about this machine.
   */
  static boolean isChatter(String line) {
    return line.equals(ABSL_PREAMBLE) || TSL_LINE.matcher(line).matches() || ABSL_LINE.matcher(line).matches()
        || DUPLICATE_CUDA_PLUGIN.matcher(line).matches()
        || (NO_DRIVER && CUINIT_FAILED.matcher(line).matches());
  }

  /** Installs the filter; does nothing (leaving stderr as it was) where the C library is unreachable. */
  public static void install() {
    LibC libc;
    int original;
    int[] fds = new int[2];
    try {
      libc = Native.load("c", LibC.class);
      original = libc.dup(STDERR);
      if (original < 0 || libc.pipe(fds) != 0) {
        return;
      }
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return;
    }
    System.err.flush();
    System.setErr(new PrintStream(new FdOutputStream(libc, original), true, StandardCharsets.UTF_8));
    if (libc.dup2(fds[1], STDERR) < 0) {
      System.setErr(new PrintStream(new FdOutputStream(libc, STDERR), true, StandardCharsets.UTF_8));
      return;
    }
    Thread pump = new Thread(() -> pump(libc, fds[0], original), "native-stderr-filter");
    pump.setDaemon(true);
    pump.start();
  }

  private static void pump(LibC libc, int from, int to) {
    byte[] buffer = new byte[BUFFER];
    StringBuilder line = new StringBuilder();
    while (true) {
      long n = libc.read(from, buffer, buffer.length);
      if (n <= 0) {
        return;
      }
      line.append(new String(buffer, 0, (int) n, StandardCharsets.UTF_8));
      int end;
      while ((end = line.indexOf("\n")) >= 0) {
        String text = line.substring(0, end);
        line.delete(0, end + 1);
        if (!isChatter(text)) {
          byte[] out = (text + "\n").getBytes(StandardCharsets.UTF_8);
          libc.write(to, out, out.length);
        }
      }
    }
  }

  /** An OutputStream onto a raw file descriptor. */
  private static final class FdOutputStream extends OutputStream {
    private final LibC libc;
    private final int fd;

    FdOutputStream(LibC libc, int fd) {
      this.libc = libc;
      this.fd = fd;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
      int done = 0;
      while (done < len) {
        byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
        long n = libc.write(fd, rest, rest.length);
        if (n <= 0) {
          return;
        }
        done += (int) n;
      }
    }
  }
}
