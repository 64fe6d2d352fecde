package eyegan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One eyegan command line run in-process, as tests run it: its exit code and everything it
 * printed to standard output and standard error.
 */
public record CliResult(int code, String out, String err) {
  /** Runs {@code eyegan args...} through the same picocli set-up as the real command. */
  public static CliResult run(String... args) {
    CommandLine cmd = EyeganCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliResult(code, out.toString(), err.toString());
  }
}
