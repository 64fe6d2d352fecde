package eyegan.cli;

import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.runtime.NativeLogging;
import eyegan.runtime.NativeStderrFilter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code eyegan} command line: a thin picocli root that only routes to one subcommand class
 * per job. Exit codes: 0 success, 1 internal error, 2 usage error or bad input.
 */
@Command(
    name = "eyegan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Trains a DCGAN that invents close-up human eyes on TensorFlow Java and",
      "exports the generator as a SavedModel for TF Serving."
    },
    footer = {"", "Example:", "  eyegan train            # trains on the built-in synthetic eyes"},
    subcommands = {
      TrainCommand.class,
      PrepareCommand.class,
      SynthCommand.class,
      ReportCommand.class,
      EvaluateCommand.class,
      BenchCommand.class,
      DoctorCommand.class,
      SummaryCommand.class,
      GraphsCommand.class,
      ExportCommand.class,
      GenerateCommand.class,
      InspectCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EyeganCommand implements Runnable {
  /** Exit code for a usage error or bad input (picocli's own code for usage errors). */
  public static final int EXIT_USAGE = 2;
  /** Exit code for an unexpected failure inside eyegan or TensorFlow. */
  public static final int EXIT_INTERNAL = 1;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show TensorFlow's native log output and stack traces of errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the configured command line; tests call this to run commands in-process. */
  public static CommandLine commandLine() {
    EyeganCommand root = new EyeganCommand();
    CommandLine cmd = new CommandLine(root);
    cmd.setExecutionStrategy(
        parseResult -> {
          NativeLogging.configure(root.verbose);
          return new CommandLine.RunLast().execute(parseResult);
        });
    cmd.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("eyegan: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof UserInputException) {
            err.println("eyegan: " + ex.getMessage());
            if (root.verbose) {
              ex.printStackTrace(err);
            }
            return EXIT_USAGE;
          }
          if (ex instanceof EyeganException) {
            err.println("eyegan: " + ex.getMessage());
            if (root.verbose) {
              ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
          }
          err.println("eyegan: internal error: " + describe(ex));
          if (root.verbose) {
            ex.printStackTrace(err);
          } else {
            err.println("Run again with --verbose to see the stack trace.");
          }
          return EXIT_INTERNAL;
        });
    return cmd;
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    String type = ex.getClass().getSimpleName();
    return message == null ? type : type + ": " + message.lines().findFirst().orElse("");
  }

  public static void main(String[] args) {
    // Before anything can load TensorFlow: the filter holds its lines to the level they would have
    // under TF_CPP_MIN_LOG_LEVEL (the user's, else errors only), Abseil's too; --verbose shows all.
    NativeStderrFilter.install(NativeLogging.level(java.util.Arrays.asList(args).contains("--verbose")));
    // No ImageIO file caches: their streams are closed by a shutdown hook of ImageIO's own, which
    // would race the training run's checkpoint-on-Ctrl-C (PNGs are small; memory is enough).
    javax.imageio.ImageIO.setUseCache(false);
    int code = commandLine().execute(args);
    System.exit(code);
  }
}
