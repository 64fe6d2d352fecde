package eyegan.cli;

import eyegan.config.Preset;
import eyegan.io.AtomicFiles;
import eyegan.model.ModelSummary;
import eyegan.model.StandaloneNetworks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eyegan graphs}: writes the GraphDefs of G and D (binary .pb, openable in Netron or
 * TensorBoard) and their Keras-style summaries into a folder.
 */
@Command(
    name = "graphs",
    mixinStandardHelpOptions = true,
    description = "Write generator.pb, discriminator.pb and their summaries (.txt) for a preset.",
    footer = {"", "Example:", "  eyegan graphs --preset article --out graphs"})
final class GraphsCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "article", converter = PresetOption.Converter.class,
      description = "article (default), cpu, tiny or auto.")
  String preset;

  @Option(names = "--out", defaultValue = "graphs", description = "Folder to write into (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Preset p = PresetOption.resolve(preset).preset();
    Files.createDirectories(out);
    var g = StandaloneNetworks.generator(p.model(), 0);
    var d = StandaloneNetworks.discriminator(p.model(), 0);
    String suffix = p == Preset.ARTICLE ? "" : "_" + p.id();
    write(out.resolve("generator" + suffix + ".pb"), g.graphDef());
    write(out.resolve("discriminator" + suffix + ".pb"), d.graphDef());
    write(out.resolve("generator" + suffix + "_summary.txt"),
        ModelSummary.format("generator", g.summary()).getBytes(StandardCharsets.UTF_8));
    write(out.resolve("discriminator" + suffix + "_summary.txt"),
        ModelSummary.format("discriminator", d.summary()).getBytes(StandardCharsets.UTF_8));
    spec.commandLine().getOut().println("wrote " + p.id() + " graphs and summaries to " + out.toAbsolutePath());
    return 0;
  }

  private static void write(Path file, byte[] bytes) {
    AtomicFiles.write(file, out -> out.write(bytes));
  }

}
