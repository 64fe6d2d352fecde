package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.config.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The summaries committed under graphs/ are what the code builds today. */
class SummaryFilesTest {
  @Test
  void committedSummariesAreCurrent() throws Exception {
    Path graphs = Path.of("graphs");
    assertEquals(Files.readString(graphs.resolve("generator_summary.txt")),
        ModelSummary.format("generator", StandaloneNetworks.generator(ModelConfig.article(), 0).summary()),
        "graphs/generator_summary.txt is stale: run `eyegan graphs` and commit the result");
    assertEquals(Files.readString(graphs.resolve("discriminator_summary.txt")),
        ModelSummary.format("discriminator", StandaloneNetworks.discriminator(ModelConfig.article(), 0).summary()),
        "graphs/discriminator_summary.txt is stale: run `eyegan graphs` and commit the result");
  }
}
