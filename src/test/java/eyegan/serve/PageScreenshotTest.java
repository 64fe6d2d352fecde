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
 * model's resolution, each in its cell: the default grid (seeds 42..57, from {@code generate_png})
 * as a 4x4 grid in seed order, and with truncation the images of the scaled noise (through
 * {@code generate_from_seeds} and {@code serving_default}); below it the interpolation strip
 * starts and ends on its two seeds' eyes. The default view is kept as {@code target/page-screenshot.png}.
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
    Page page = new Page(screenshot(server.uri(), "default"));
    Files.copy(tmp.resolve("default.png"), Path.of("target", "page-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    byte[][] pngs = model.pngs(seeds(42, 16));
    List<BufferedImage> eyes = new ArrayList<>();
    for (byte[] png : pngs) {
      eyes.add(ImageIO.read(new ByteArrayInputStream(png)));
    }
    int[] grid = page.assertGrid(eyes, 4, "target/page-screenshot.png");
    // the default interpolation strip walks from seed 42 to seed 43 in 8 steps, below the grid
    page.assertStrip(eyes.get(0), eyes.get(1), 8, grid, "target/page-screenshot.png");
  }

  @Test
  void truncationAndInterpolationShowTheImagesOfScaledNoise() throws Exception {
    double psi = 0.5;
    Page page = new Page(screenshot(server.uri().resolve("/?seed=100&n=4&psi=" + psi + "&from=100&to=101&steps=5"), "truncated"));
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
    RgbImages rgb = RgbImages.fromUnitRange(images, seeds.length, r, r);
    List<BufferedImage> eyes = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      eyes.add(rgb.toBufferedImage(i));
    }
    String file = tmp.resolve("truncated.png").toString();
    int[] grid = page.assertGrid(eyes, 2, file);
    page.assertStrip(eyes.get(0), eyes.get(1), 5, grid, file);
  }

  private static long[] seeds(long first, int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = first + i;
    }
    return s;
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

  /**
   * A screenshot, searched for eyes drawn at a whole scale with square pixels (the page shows each
   * R px image at about 128 CSS px, here 1 CSS px = 1 pixel) with the page's 4 px gaps.
   */
  private static final class Page {
    private static final int GAP = 4;
    private final int w;
    private final int h;
    private final int[] px;

    Page(BufferedImage shot) {
      w = shot.getWidth();
      h = shot.getHeight();
      px = shot.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * The eyes, in order, fill a side x side grid row by row: the first is the top-most,
     * left-most place showing it, and every other one is exactly in its cell.
     *
     * @return {x, y, bottom} of the grid
     */
    int[] assertGrid(List<BufferedImage> eyes, int side, String file) {
      int[] origin = null;
      for (int y = 0; y < h && origin == null; y++) {
        for (int x = 0; x < w && origin == null; x++) {
          if (at(eyes.get(0), x, y)) {
            origin = new int[] {x, y};
          }
        }
      }
      assertTrue(origin != null, "the first eye is nowhere in " + file);
      int step = size(eyes.get(0)) + GAP;
      for (int i = 0; i < eyes.size(); i++) {
        int x = origin[0] + (i % side) * step;
        int y = origin[1] + (i / side) * step;
        assertTrue(at(eyes.get(i), x, y), "eye " + i + " is not in its cell at (" + x + ", " + y + ") in " + file);
      }
      return new int[] {origin[0], origin[1], origin[1] + ((eyes.size() + side - 1) / side) * step};
    }

    /** Below the grid, left-aligned with it: a strip of {@code steps} images from {@code first} to {@code last}. */
    void assertStrip(BufferedImage first, BufferedImage last, int steps, int[] grid, String file) {
      int x = grid[0];
      int lastX = x + (steps - 1) * (size(first) + GAP);
      for (int y = grid[2]; y + size(first) <= h; y++) {
        if (at(first, x, y)) {
          assertTrue(at(last, lastX, y), "the strip starts on its first seed but does not end on its second, in " + file);
          return;
        }
      }
      throw new AssertionError("no interpolation strip starting on its first seed below the grid in " + file);
    }

    private static int size(BufferedImage eye) {
      return eye.getWidth() * Math.max(1, 128 / eye.getWidth());
    }

    /** Whether {@code eye}, scaled, is drawn with its top-left corner at (x0, y0). */
    boolean at(BufferedImage eye, int x0, int y0) {
      int e = eye.getWidth();
      int scale = Math.max(1, 128 / e);
      if (x0 + e * scale > w || y0 + e * scale > h) {
        return false;
      }
      for (int ty = 0; ty < e; ty++) {
        for (int tx = 0; tx < e; tx++) {
          int want = eye.getRGB(tx, ty);
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
}
