package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.bench.ServeLoad;
import eyegan.config.Preset;
import eyegan.export.GeneratorExporter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As TF Serving does with its default version policy, the server answers with the highest version
 * under the base path and switches when a new version folder appears; requests in flight during
 * the switch are all answered, and a folder that does not load never replaces a working version.
 */
class VersionPickupTest {
  @TempDir Path tmp;

  @Test
  void aNewVersionIsServedOnceItAppearsAndABrokenOneIsIgnored() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (ReferenceModel model = ReferenceModel.create(tmp);
        EyeganServer server = EyeganServer.start(ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0.1), log::add)) {
      Http http = new Http(server.uri());
      String png42 = "{\"signature_name\": \"generate_png\", \"instances\": [42]}";
      byte[] v1 = png(http.post("/v1/models/eyegan:predict", png42));
      assertArrayEquals(model.pngs(42)[0], v1);

      // clients keep calling while version 2 is exported and swapped in
      URI predict = server.uri().resolve("/v1/models/eyegan:predict");
      CompletableFuture<ServeLoad.Result> load = CompletableFuture.supplyAsync(() -> {
        try {
          return ServeLoad.run(predict, 4, 40, 1, null);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      // an untrained generator with other weights: a different image for the same seed
      new GeneratorExporter(w -> {}).exportInitial(Preset.TINY.model(), 5, "tiny", model.base);
      assertTrue(Files.isDirectory(model.base.resolve("2")));
      waitForVersion(http, "2");
      ServeLoad.Result during = load.get();
      assertEquals(0, during.failures(), "every request during the switch answered: " + during.firstFailure());

      byte[] v2 = png(http.post("/v1/models/eyegan:predict", png42));
      assertFalse(java.util.Arrays.equals(v1, v2), "version 2 draws seed 42 with its own weights");
      assertArrayEquals(v2, png(http.post("/v1/models/eyegan/versions/2:predict", png42)));
      assertEquals(404, http.post("/v1/models/eyegan/versions/1:predict", png42).status(), "version 1 is unloaded");
      assertEquals("2", http.get("/v1/models/eyegan/metadata").json().get("model_spec").get("version").textValue());
      assertTrue(log.stream().anyMatch(l -> l.startsWith("now serving version 2")), log.toString());

      // a version 3 that is not a SavedModel TensorFlow can load: reported once, version 2 stays
      Path broken = model.base.resolve("3");
      Files.createDirectories(broken.resolve("variables"));
      Files.write(broken.resolve("saved_model.pb"), new byte[] {1, 2, 3});
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (log.stream().noneMatch(l -> l.startsWith("cannot load version 3")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(log.stream().anyMatch(l -> l.startsWith("cannot load version 3") && l.endsWith("still serving version 2")),
          log.toString());
      Thread.sleep(300); // a few more polls: still one line, still version 2
      assertEquals(1, log.stream().filter(l -> l.startsWith("cannot load version 3")).count(), log.toString());
      assertEquals(2, server.servedVersion());
      assertArrayEquals(v2, png(http.post("/v1/models/eyegan:predict", png42)));
    }
  }

  private static void waitForVersion(Http http, String version) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (version.equals(http.get("/v1/models/eyegan").json().get("model_version_status").get(0).get("version").textValue())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("version " + version + " not served within a minute");
  }

  private static byte[] png(Http.Reply r) throws Exception {
    assertEquals(200, r.status(), r.body());
    return Base64.getDecoder().decode(r.json().get("predictions").get(0).get("b64").textValue());
  }
}
