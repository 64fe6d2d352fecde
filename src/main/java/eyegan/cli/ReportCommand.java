package eyegan.cli;

import eyegan.UserInputException;
import eyegan.bench.RealismCurve;
import eyegan.report.RealismCurveChart;
import eyegan.report.ReportFiles;
import eyegan.report.RunFolder;
import eyegan.report.TrainingReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan report}: (re)builds the GIF, curves and index.html of a training run, or draws the
 * realism curve of several sweeps.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a training run's progress GIF, curves plot and index.html.",
      "Writes into the run folder:",
      "  " + TrainingReport.GIF + "  the fixed-seed sample grids across epochs (looping GIF)",
      "  " + TrainingReport.CURVES + "    losses, D(x) / D(G(z)) and SWD over training steps",
      "  " + TrainingReport.INDEX + "    a page showing them with the training options",
      "Safe to run while the run is still training.",
      "Or, with --sweeps, draws realism against training steps from finished 'bench --realism' sweeps:",
      "one panel per measure, the median over seeds with the seeds' range, the real-vs-real floor,",
      "and prints the same as a Markdown table."
    },
    footer = {"", "Examples:", "  eyegan report --run-dir runs/00003-cpu-64px",
        "  eyegan report --sweeps runs/realism-cpu-5-10min,runs/realism-cpu-40min --out curve.png"})
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--run-dir", paramLabel = "DIR", description = "Run folder written by 'eyegan train'.")
  Path runDir;

  @Option(names = "--sweeps", paramLabel = "DIR,DIR,...", split = ",",
      description = "Instead: realism sweep folders ('bench --realism --sweep-dir'); budgets with the same label"
          + " are pooled.")
  List<Path> sweeps;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "realism-curve.png",
      description = "With --sweeps: the PNG to write (default ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if ((runDir == null) == (sweeps == null)) {
      throw new UserInputException("give --run-dir (a training run's report) or --sweeps (a realism curve), not "
          + (runDir == null ? "neither" : "both"));
    }
    if (sweeps != null) {
      return curve(out);
    }
    RunFolder.open(runDir); // a wrong folder fails here, before anything is printed
    out.println("report for " + runDir);
    out.flush();
    ReportFiles files =
        TrainingReport.write(
            runDir,
            step -> {
              out.println("  " + step + " ...");
              out.flush();
            });
    files.gif().ifPresent(g -> out.printf(Locale.ROOT, "  wrote %-14s %d frames, %s%n", g.getFileName(), files.gifFrames(), size(g)));
    files.curves().ifPresent(c -> out.printf(Locale.ROOT, "  wrote %-14s %s%n", c.getFileName(), size(c)));
    out.printf(Locale.ROOT, "  wrote %-14s open %s%n", files.index().getFileName(), files.index().toAbsolutePath().toUri());
    for (String problem : files.problems()) {
      out.println("  note: " + problem);
    }
    out.flush();
    return 0;
  }

  private int curve(PrintWriter printer) {
    RealismCurve curve = RealismCurve.read(sweeps);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserInputException("--out: folder " + parent + " does not exist");
    }
    printer.print(curve.table());
    RealismCurveChart.write(curve, out, "Realism against training steps");
    printer.printf(Locale.ROOT, "wrote %s (%d budgets), %s%n", out, curve.points().size(), size(out));
    printer.flush();
    return 0;
  }

  private static String size(Path p) {
    try {
      long bytes = Files.size(p);
      return bytes >= 1 << 20
          ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
          : String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    } catch (java.io.IOException e) {
      return "size unknown";
    }
  }
}
