package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.bench.ServeLoad;
import eyegan.cli.EyeganCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Concurrent clients on one server (one shared EyeGenerator and TensorFlow session): a small,
 * bounded version of {@code eyegan bench --serve}, where every answer must be exactly the PNG the
 * model gives for that seed when asked alone.
 */
class ServeLoadTest {
  private static final int CLIENTS = 4;
  private static final int REQUESTS = 25;
  private static final int BATCH = 2;

  @TempDir Path tmp;

  @Test
  void concurrentClientsAllGetTheirOwnSeedsEyes() throws Exception {
    ReferenceModel model = ReferenceModel.shared();
    try (EyeganServer server = EyeganServer.start(ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0), line -> {})) {
      // the seeds ServeLoad sends (client * 1e6 + request * batch + k), each encoded alone beforehand
      Map<Long, byte[]> alone = new HashMap<>();
      for (int c = 0; c < CLIENTS; c++) {
        for (int k = 0; k < REQUESTS * BATCH; k++) {
          long seed = 1_000_000L * c + k;
          alone.put(seed, model.pngs(seed)[0]);
        }
      }
      URI predict = server.uri().resolve("/v1/models/eyegan:predict");
      ServeLoad.Result r = ServeLoad.run(predict, CLIENTS, REQUESTS, BATCH, (seeds, pngs) -> {
        for (int i = 0; i < seeds.length; i++) {
          assertArrayEquals(alone.get(seeds[i]), pngs[i], "seed " + seeds[i]);
        }
      });
      r.lines().forEach(System.out::println);
      assertEquals(0, r.failures(), r.firstFailure());
      assertEquals(CLIENTS * REQUESTS, r.requests());
      assertTrue(r.p50Millis() > 0 && r.p50Millis() <= r.p99Millis() && r.p99Millis() <= r.maxMillis(), r.lines().toString());
      assertTrue(r.imagesPerSecond() > 0 && r.rssBeforeBytes() > 0 && r.rssAfterBytes() > 0);
    }
  }

  @Test
  void benchServeRunsTheLoadAndReportsIt() {
    CommandLine cmd = EyeganCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("bench", "--serve", "--preset", "tiny", "--clients", "2", "--requests", "10",
        "--json", tmp.resolve("bench.json").toString());
    assertEquals(0, code, out + "\n" + err);
    String text = out.toString();
    assertTrue(text.contains("2 clients x 10 requests of 1 seed (generate_png), 0 failed"), text);
    assertTrue(text.contains("latency: p50 ") && text.contains("images/s") && text.contains("MiB before"), text);
  }
}
