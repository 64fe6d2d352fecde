package eyegan.cli;

import eyegan.inference.ModelInspection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eyegan inspect}: metadata and signatures of a SavedModel, like {@code saved_model_cli show --all}. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show an exported model's metadata and signatures.",
      "Show a SavedModel's eyegan metadata (preset, resolution, noise size, training step,"
          + " versions) and its signatures with input/output names, dtypes and shapes, in the layout"
          + " of 'saved_model_cli show --all'. Reads the files only; nothing is run."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan inspect --model savedmodel/eyegan      # the highest version",
      "  eyegan inspect --model savedmodel/eyegan/2"
    })
final class InspectCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "savedmodel/eyegan", paramLabel = "DIR",
      description = "A version folder or a TF Serving base path (default: ${DEFAULT-VALUE}).")
  Path model;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ModelInspection.describe(model));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
