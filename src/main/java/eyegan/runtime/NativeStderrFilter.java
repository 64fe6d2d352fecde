package eyegan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops TensorFlow's log lines below a level that native code writes straight to file descriptor
 * 2, and passes everything else through unchanged.
 *
 * <p>Part of TensorFlow 2.18 logs through a private Abseil copy that no setting reaches (neither
 * {@code TF_CPP_MIN_LOG_LEVEL}, at any value, nor {@code TF_CPP_MAX_VLOG_LEVEL} or {@code
 * ABSL_MIN_LOG_LEVEL}: measured, the "All log messages before absl::InitializeLog()" warning and the
 * "MLIR V1 optimization pass is not enabled" line still appear), so the only way to keep the
 * console for the program's own output is to put a pipe on fd 2 and filter it. Two ways:
 *
 * <ul>
 *   <li>{@link #install} for the command line, for the whole process. Java's {@code System.err} is
 *       re-pointed at the original stderr first, so eyegan's own messages (errors above all) never
 *       wait on the filter thread.
 *   <li>{@link #open} for library use, around the calls that start TensorFlow and load a model
 *       (where TensorFlow logs); closing it puts the caller's stderr back and forwards what was
 *       held. {@code System.err} is left alone: a library does not re-point its caller's streams.
 * </ul>
 */
public final class NativeStderrFilter {
  /** tsl format: {@code 2026-11-28 23:23:49.646205: I tensorflow/core/...}. */
  private static final Pattern TSL_LINE =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+: ([IWE]) .*");
  /** Abseil format: {@code I0000 00:00:1795908229.954793    2095 file.cc:401] ...}. */
  private static final Pattern ABSL_LINE = Pattern.compile("^([IWE])\\d{4} [\\d:. ]+\\d+ \\S+:\\d+\\] .*");
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
  /** Abseil's one-time warning before its first line; a WARNING by its own words. */
  private static final String ABSL_PREAMBLE =
      "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR";
  /** TensorFlow's levels: 0 everything, 1 no INFO, 2 no WARNING, 3 no ERROR. */
  private static final String SEVERITIES = "IWE";
  private static final int ERRORS_ONLY = 2;
  private static final int STDERR = 2;
  private static final int BUFFER = 8192;
  /** How long closing a window waits for the held lines; only a child process that inherited the pipe makes it wait. */
  private static final long DRAIN_MILLIS = 2_000;

  private static final Object LOCK = new Object();
  private static boolean installed;
  private static Window window;
  private static int windowUsers;

  private interface LibC extends Library {
    int pipe(int[] fds);

    int dup(int fd);

    int dup2(int from, int to);

    int close(int fd);

    long read(int fd, byte[] buffer, long count);

    long write(int fd, byte[] buffer, long count);
  }

  private NativeStderrFilter() {}

  /** {@link #isChatter(String, int)} at the level eyegan uses by default (errors only). */
  static boolean isChatter(String line) {
    return isChatter(line, ERRORS_ONLY);
  }

  /**
   * True for a line TensorFlow logged below {@code level} (TensorFlow's {@code TF_CPP_MIN_LOG_LEVEL}
   * scale), or, from level 2, one of the ERRORs its CUDA build logs at every start that say nothing
   * about this machine. Level 0 keeps everything.
   */
  static boolean isChatter(String line, int level) {
    if (level <= 0) {
      return false;
    }
    if (line.equals(ABSL_PREAMBLE)) {
      return level > SEVERITIES.indexOf('W');
    }
    if (level >= ERRORS_ONLY && (DUPLICATE_CUDA_PLUGIN.matcher(line).matches()
        || (NO_DRIVER && CUINIT_FAILED.matcher(line).matches()))) {
      return true;
    }
    for (Pattern p : new Pattern[] {TSL_LINE, ABSL_LINE}) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return SEVERITIES.indexOf(m.group(1).charAt(0)) < level;
      }
    }
    return false;
  }

  /**
   * Installs the filter for the rest of the process; does nothing (leaving stderr as it was) where
   * the C library is unreachable or {@code level} is 0.
   */
  public static void install(int level) {
    synchronized (LOCK) {
      if (installed || window != null || level <= 0) {
        return;
      }
      Pipe pipe = Pipe.open();
      if (pipe == null) {
        return;
      }
      System.err.flush();
      System.setErr(new PrintStream(new FdOutputStream(pipe.libc, pipe.original), true, StandardCharsets.UTF_8));
      if (!pipe.attach()) {
        System.setErr(new PrintStream(new FdOutputStream(pipe.libc, STDERR), true, StandardCharsets.UTF_8));
        return;
      }
      pipe.startPump(level);
      installed = true;
    }
  }

  /**
   * Filters fd 2 until the returned handle is closed. Windows opened by several threads at once
   * share one filter, removed when the last closes. Returns a handle that does nothing where the
   * process-wide filter is already installed, {@code level} is 0 or the C library is unreachable.
   */
  public static Held open(int level) {
    synchronized (LOCK) {
      if (installed || level <= 0) {
        return () -> {};
      }
      if (window == null) {
        Pipe pipe = Pipe.open();
        if (pipe == null) {
          return () -> {};
        }
        System.err.flush(); // what the caller wrote before goes out before anything held
        if (!pipe.attach()) {
          pipe.closeAll();
          return () -> {};
        }
        window = new Window(pipe, pipe.startPump(level));
      }
      windowUsers++;
      Window mine = window;
      return () -> release(mine);
    }
  }

  private static void release(Window w) {
    synchronized (LOCK) {
      if (window != w || --windowUsers > 0) {
        return;
      }
      window = null;
      System.err.flush(); // Java's lines of the window still go through the pipe, in order
      w.pipe.detach();
    }
    try {
      w.pump.join(DRAIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!w.pump.isAlive()) {
      w.pipe.libc.close(w.pipe.readEnd);
      w.pipe.libc.close(w.pipe.original);
    }
  }

  /** A filtered stretch of time; {@link #close} ends it. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private record Window(Pipe pipe, Thread pump) {}

  /** A pipe meant to stand in for fd 2, and a copy of the real fd 2. */
  private static final class Pipe {
    final LibC libc;
    final int original;
    final int readEnd;
    final int writeEnd;

    private Pipe(LibC libc, int original, int readEnd, int writeEnd) {
      this.libc = libc;
      this.original = original;
      this.readEnd = readEnd;
      this.writeEnd = writeEnd;
    }

    static Pipe open() {
      try {
        LibC libc = Native.load("c", LibC.class);
        int[] fds = new int[2];
        int original = libc.dup(STDERR);
        if (original < 0) {
          return null;
        }
        if (libc.pipe(fds) != 0) {
          libc.close(original);
          return null;
        }
        return new Pipe(libc, original, fds[0], fds[1]);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        return null; // not fatal: the only cost is TensorFlow's lines on stderr
      }
    }

    /** Points fd 2 at the pipe. */
    boolean attach() {
      return libc.dup2(writeEnd, STDERR) >= 0;
    }

    /** Points fd 2 back at the original and closes the pipe's write end, so the pump reads to its end. */
    void detach() {
      libc.dup2(original, STDERR);
      libc.close(writeEnd);
    }

    void closeAll() {
      libc.close(readEnd);
      libc.close(writeEnd);
      libc.close(original);
    }

    Thread startPump(int level) {
      Thread pump = new Thread(() -> pump(libc, readEnd, original, level), "native-stderr-filter");
      pump.setDaemon(true);
      pump.start();
      return pump;
    }
  }

  private static void pump(LibC libc, int from, int to, int level) {
    byte[] buffer = new byte[BUFFER];
    StringBuilder line = new StringBuilder();
    while (true) {
      long n = libc.read(from, buffer, buffer.length);
      if (n <= 0) {
        if (line.length() > 0) {
          forward(libc, to, line.toString()); // an unfinished last line is still the caller's
        }
        return;
      }
      line.append(new String(buffer, 0, (int) n, StandardCharsets.UTF_8));
      int end;
      while ((end = line.indexOf("\n")) >= 0) {
        String text = line.substring(0, end);
        line.delete(0, end + 1);
        if (!isChatter(text, level)) {
          forward(libc, to, text + "\n");
        }
      }
    }
  }

  private static void forward(LibC libc, int to, String text) {
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    new FdOutputStream(libc, to).write(out, 0, out.length);
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
