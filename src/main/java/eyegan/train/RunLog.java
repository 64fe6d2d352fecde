package eyegan.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints eyegan's progress lines to the terminal and appends the same lines to {@code log.txt}. */
public final class RunLog implements AutoCloseable {
  private final PrintWriter terminal;
  private final BufferedWriter file;

  public RunLog(PrintWriter terminal, Path logFile) {
    this.terminal = terminal;
    try {
      this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + logFile + ": " + e.getMessage(), e);
    }
  }

  public synchronized void line(String text) {
    terminal.println(text);
    terminal.flush();
    try {
      file.write(text);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      terminal.println("eyegan: warning: cannot append to log.txt: " + e.getMessage());
    }
  }

  /** Same as {@link #line} with a "warning: " prefix. */
  public void warn(String text) {
    line("warning: " + text);
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      // nothing left to report it to
    }
  }
}
