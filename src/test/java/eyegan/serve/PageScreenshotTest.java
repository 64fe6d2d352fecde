package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eyegan.image.RgbImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium}) loads
 * {@code eyegan serve}'s page, whose script calls the predict API, and takes a screenshot. The
 * eyes the model makes must be in the screenshot pixel for pixel, at a whole multiple of the
 * model's resolution: the default grid (seeds 42..57, from {@code generate_png}) as a 4x4 grid in
 * seed order, and with truncation the images of the scaled noise (through
 * {@code generate_from_seeds} and {@code serving_default}); the interpolation strip starts and
 * ends on its two seeds' eyes. The default view is kept as {@code target/page-screenshot.png}.
 *
 * <p>Uses a tiny model made for the tests, or the base path in the system property
 * {@code eyegan.screenshot.model} (for a look at a trained model).
 */
class PageScreenshotTest {
  /** Colour management or rounding may move a channel by a step or two; anything else is a different picture. */
  private static final int CHANNEL_TOLERANCE = 2;
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 1400;

  @TempDir static Path tmp;
  private static ReferenceModel model;
  private static EyeganServer server;

  @BeforeAll
  static void serve() throws IOException {
    assumeTrue(Tools.available("chromium"), "chromium is not installed (apt-get install chromium)");
    String given = System.getProperty("eyegan.screenshot.model");
    model = given == null || given.isBlank() ? ReferenceModel.shared() : ReferenceModel.open(Path.of(given));
    server = EyeganServer.start(ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0), line -> {});
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      model.close();
    }
  }

  @Test
  void theDefaultPageShowsAFourByFourGridOfTheModelsEyes() throws Exception {
    BufferedImage page = screenshot(server.uri(), "default");
    Files.copy(tmp.resolve("default.png"), Path.of("target", "page-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    long[] seeds = seeds(42, 16);
    byte[][] pngs = model.pngs(seeds);
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      BufferedImage eye = ImageIO.read(new ByteArrayInputStream(pngs[i]));
      List<int[]> at = findAll(page, eye);
      // seeds 42 and 43 are also the ends of the default interpolation strip (42 -> 43)
      assertEquals(i < 2 ? 2 : 1, at.size(), "places showing seed " + seeds[i] + "'s eye in target/page-screenshot.png");
      found.add(at.get(0));
    }
    assertGrid(found, 4);
  }

  @Test
  void truncationAndInterpolationShowTheImagesOfScaledNoise() throws Exception {
    double psi = 0.5;
    BufferedImage page = screenshot(server.uri().resolve("/?seed=100&n=4&psi=" + psi + "&from=100&to=101&steps=5"), "truncated");
    long[] seeds = seeds(100, 4);
    float[] noise = model.fromSeeds(seeds)[1];
    float[][] scaled = new float[seeds.length][ReferenceModel.D];
    for (int i = 0; i < seeds.length; i++) {
      for (int k = 0; k < ReferenceModel.D; k++) {
        scaled[i][k] = (float) (psi * noise[i * ReferenceModel.D + k]);
      }
    }
    float[] images = model.images(scaled);
    int r = (int) Math.round(Math.sqrt(images.length / 3.0 / seeds.length));
    RgbImages eyes = RgbImages.fromUnitRange(images, seeds.length, r, r);
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      List<int[]> at = findAll(page, eyes.toBufferedImage(i));
      // seeds 100 and 101 are also the first and last steps of the walk 100 -> 101
      assertEquals(i < 2 ? 2 : 1, at.size(), "places showing seed " + seeds[i] + " at psi " + psi + " in " + tmp.resolve("truncated.png"));
      found.add(at.get(0));
    }
    assertGrid(found, 2);
  }

  private static long[] seeds(long first, int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = first + i;
    }
    return s;
  }

  /** The tiles form a side x side grid, row-major in seed order. */
  private static void assertGrid(List<int[]> found, int side) {
    TreeSet<Integer> xs = new TreeSet<>();
    TreeSet<Integer> ys = new TreeSet<>();
    found.forEach(p -> {
      xs.add(p[0]);
      ys.add(p[1]);
    });
    assertEquals(side, xs.size(), side + " columns: " + xs);
    assertEquals(side, ys.size(), side + " rows: " + ys);
    for (int i = 0; i < found.size(); i++) {
      assertEquals(List.copyOf(xs).get(i % side), found.get(i)[0], "tile " + i + " column");
      assertEquals(List.copyOf(ys).get(i / side), found.get(i)[1], "tile " + i + " row");
    }
  }

  /** Loads {@code url} in headless Chromium once the page's requests are done, and returns the screenshot. */
  private static BufferedImage screenshot(URI url, String name) throws Exception {
    Path shot = tmp.resolve(name + ".png");
    Path log = tmp.resolve(name + "-chromium.log");
    Process chromium = new ProcessBuilder(Tools.find("chromium").toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + tmp.resolve(name + "-profile"), "--hide-scrollbars", "--force-device-scale-factor=1",
        "--force-color-profile=srgb", "--window-size=" + WIDTH + "," + HEIGHT,
        // virtual time stands still while the page's fetches are pending; the screenshot comes after
        "--virtual-time-budget=30000", "--screenshot=" + shot, url.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium finishes");
    assertTrue(Files.isRegularFile(shot), "no screenshot: " + Files.readString(log));
    return ImageIO.read(shot.toFile());
  }

  /** Top-left corners of every place showing {@code eye} at a whole scale (square pixels) in {@code page}. */
  private static List<int[]> findAll(BufferedImage page, BufferedImage eye) {
    int scale = Math.max(1, 128 / eye.getWidth());
    int w = page.getWidth();
    int h = page.getHeight();
    int[] px = page.getRGB(0, 0, w, h, null, 0, w);
    int e = eye.getWidth();
    int[] tile = eye.getRGB(0, 0, e, eye.getHeight(), null, 0, e);
    int size = e * scale;
    List<int[]> out = new ArrayList<>();
    for (int y = 0; y + size <= h; y++) {
      for (int x = 0; x + size <= w; x++) {
        if (close(px[y * w + x], tile[0]) && matches(px, w, x, y, tile, e, scale)) {
          out.add(new int[] {x, y});
        }
      }
    }
    return out;
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
