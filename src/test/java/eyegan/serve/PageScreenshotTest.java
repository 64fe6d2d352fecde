package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium}) loads
 * {@code eyegan serve}'s page, whose script calls the predict API, and takes a screenshot. Each of
 * the 16 eyes of the default grid (seeds 42..57) must be in the screenshot pixel for pixel, at a
 * whole multiple of the model's resolution, laid out as a 4x4 grid in seed order. The screenshot
 * is kept as {@code target/page-screenshot.png}.
 *
 * <p>Uses a tiny model made for the test, or the base path in the system property
 * {@code eyegan.screenshot.model} (for a look at a trained model).
 */
class PageScreenshotTest {
  private static final int FIRST_SEED = 42;
  private static final int TILES = 16;
  /** Colour management may move a channel by a step or two; anything else is a different picture. */
  private static final int CHANNEL_TOLERANCE = 2;
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 1400;

  @TempDir Path tmp;

  @Test
  void thePageShowsAGridOfTheModelsEyes() throws Exception {
    assumeTrue(Tools.available("chromium"), "chromium is not installed (apt-get install chromium)");
    String given = System.getProperty("eyegan.screenshot.model");
    try (ReferenceModel model = given == null || given.isBlank() ? ReferenceModel.shared() : ReferenceModel.open(Path.of(given));
        EyeganServer server = EyeganServer.start(ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0), line -> {})) {
      Path shot = tmp.resolve("page.png");
      Process chromium = new ProcessBuilder(Tools.find("chromium").toString(),
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + tmp.resolve("profile"), "--hide-scrollbars", "--force-device-scale-factor=1",
          "--force-color-profile=srgb", "--window-size=" + WIDTH + "," + HEIGHT,
          // virtual time waits while the page's fetches are pending, then the screenshot is taken
          "--virtual-time-budget=30000", "--screenshot=" + shot, server.uri().toString())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
      assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium finishes");
      assertTrue(Files.isRegularFile(shot), "no screenshot: " + Files.readString(tmp.resolve("chromium.log")));
      Path kept = Path.of("target", "page-screenshot.png");
      Files.createDirectories(kept.getParent());
      Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);

      BufferedImage page = ImageIO.read(shot.toFile());
      long[] seeds = new long[TILES];
      for (int i = 0; i < TILES; i++) {
        seeds[i] = FIRST_SEED + i;
      }
      byte[][] pngs = model.pngs(seeds);
      List<int[]> found = new ArrayList<>();
      for (int i = 0; i < TILES; i++) {
        BufferedImage eye = ImageIO.read(new ByteArrayInputStream(pngs[i]));
        int scale = Math.max(1, 128 / eye.getWidth());
        int[] at = find(page, eye, scale);
        assertNotNull(at, "seed " + seeds[i] + "'s eye (" + eye.getWidth() + " px x" + scale + ") is not in " + kept.toAbsolutePath());
        found.add(at);
      }
      TreeSet<Integer> xs = new TreeSet<>();
      TreeSet<Integer> ys = new TreeSet<>();
      found.forEach(p -> {
        xs.add(p[0]);
        ys.add(p[1]);
      });
      assertEquals(4, xs.size(), "4 columns: " + xs);
      assertEquals(4, ys.size(), "4 rows: " + ys);
      for (int i = 0; i < TILES; i++) {
        assertEquals(List.copyOf(xs).get(i % 4), found.get(i)[0], "seed " + seeds[i] + " column");
        assertEquals(List.copyOf(ys).get(i / 4), found.get(i)[1], "seed " + seeds[i] + " row");
      }
    }
  }

  /** Top-left corner of {@code eye} drawn at {@code scale} (square pixels) in {@code page}, or null. */
  private static int[] find(BufferedImage page, BufferedImage eye, int scale) {
    int w = page.getWidth();
    int h = page.getHeight();
    int[] px = page.getRGB(0, 0, w, h, null, 0, w);
    int e = eye.getWidth();
    int[] tile = eye.getRGB(0, 0, e, eye.getHeight(), null, 0, e);
    int size = e * scale;
    for (int y = 0; y + size <= h; y++) {
      for (int x = 0; x + size <= w; x++) {
        if (close(px[y * w + x], tile[0]) && matches(px, w, x, y, tile, e, scale)) {
          return new int[] {x, y};
        }
      }
    }
    return null;
  }

  private static boolean matches(int[] px, int w, int x0, int y0, int[] tile, int e, int scale) {
    for (int ty = 0; ty < e; ty++) {
      for (int tx = 0; tx < e; tx++) {
        int want = tile[ty * e + tx];
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            if (!close(px[(y0 + ty * scale + dy) * w + x0 + tx * scale + dx], want)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > CHANNEL_TOLERANCE) {
        return false;
      }
    }
    return true;
  }
}
