package eyegan.cli;

import eyegan.config.Preset;
import eyegan.model.ModelSummary;
import eyegan.model.StandaloneNetworks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eyegan summary}: Keras-style tables of the generator and the discriminator. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Print Keras-style summaries (layers, output shapes, parameters) of G and D.",
    footer = {"", "Example:", "  eyegan summary --preset article"})
final class SummaryCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "article", converter = PresetOption.Converter.class,
      description = "article (the reference model, default), cpu, tiny or auto.")
  String preset;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Preset p = PresetOption.resolve(preset).preset();
    var out = spec.commandLine().getOut();
    out.print(text(p));
    out.flush();
    return 0;
  }

  /** Both tables, exactly as printed (also what graphs/*.txt holds for the article preset). */
  static String text(Preset p) {
    return ModelSummary.format("generator", StandaloneNetworks.generator(p.model(), 0).summary())
        + "\n"
        + ModelSummary.format("discriminator", StandaloneNetworks.discriminator(p.model(), 0).summary());
  }
}
