package eyegan.cli;

import eyegan.config.TrainingOptionsFile;
import eyegan.export.GeneratorExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eyegan export}: a run's generator as the next SavedModel version under a TF Serving base path. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Export a run's generator as the next SavedModel version for TF Serving.",
      "Export the generator of a training run as a TensorFlow SavedModel (tag 'serve') into the"
          + " next integer version folder of a TF Serving base path: savedmodel/eyegan/1, 2, ..."
          + " The version folder appears only once it is complete and has been loaded back and run once.",
      "Signatures: serving_default (noise -> images), generate_png (seeds -> png_bytes),"
          + " generate_from_seeds (seeds -> images, noise). See 'eyegan inspect'."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan export --run-dir runs/00003-cpu-64px",
      "  eyegan export --run-dir runs/00003-cpu-64px --out /srv/models/eyegan \\",
      "                --checkpoint ckpt-000001200"
    })
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "The training run to export.")
  Path runDir;

  @Option(names = "--out", paramLabel = "DIR",
      description = "TF Serving base path (default: the run's export folder, normally savedmodel/eyegan).")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "NAME",
      description = "Checkpoint to export, e.g. ckpt-000001200 (default: the newest readable one).")
  String checkpoint;

  @Option(names = "--no-ema", negatable = false,
      description = "Export the generator as last trained, not its moving average (the default when the run kept one).")
  boolean noEma;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter terminal = spec.commandLine().getOut();
    Path base = out != null ? out : Path.of(TrainingOptionsFile.read(runDir).exportDir());
    GeneratorExporter.Exported e =
        new GeneratorExporter(w -> terminal.println("warning: " + w)).liveWeights(noEma).exportRun(runDir, base, checkpoint);
    terminal.println("exported " + e.info().summary());
    terminal.println("  to " + e.versionDir() + " (version " + e.version() + " of TF Serving base path " + base + ")");
    terminal.println("  try: eyegan generate --model " + base + " --n 16 --grid");
    terminal.flush();
    return 0;
  }
}
