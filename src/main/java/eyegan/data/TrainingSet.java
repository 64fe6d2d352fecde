package eyegan.data;

import eyegan.image.RgbImages;
import java.util.Objects;

/**
 * The images a training epoch walks through: the originals, and (as in the reference tutorial,
 * which concatenates every image with {@code tf.image.flip_left_right} of it) their mirror images.
 *
 * <p>Index {@code i < originals} is original {@code i}; index {@code originals + i} is original
 * {@code i} flipped left-right. Flipped copies are produced on the fly when a batch is filled, so
 * doubling the set costs no memory.
 */
public final class TrainingSet {
  private static final int CHANNELS = RgbImages.CHANNELS;
  /** (p - 127.5) / 127.5 for every byte value p: the reference model's pixel scaling to [-1, 1]. */
  private static final float[] UNIT_RANGE = new float[256];

  static {
    for (int p = 0; p < UNIT_RANGE.length; p++) {
      UNIT_RANGE[p] = (p - 127.5f) / 127.5f;
    }
  }

  private final RgbImages originals;
  private final boolean flips;

  private TrainingSet(RgbImages originals, boolean flips) {
    Objects.requireNonNull(originals, "originals");
    if (originals.count() < 1) {
      throw new IllegalArgumentException("a training set needs at least one image");
    }
    this.originals = originals;
    this.flips = flips;
  }

  /** Originals plus their left-right mirror images: {@code size() == 2 * originals.count()}. */
  public static TrainingSet withFlips(RgbImages originals) {
    return new TrainingSet(originals, true);
  }

  /** Originals only (for experiments without the flip augmentation). */
  public static TrainingSet withoutFlips(RgbImages originals) {
    return new TrainingSet(originals, false);
  }

  /** Number of training images, flipped copies included. */
  public int size() {
    return flips ? 2 * originals.count() : originals.count();
  }

  public int height() {
    return originals.height();
  }

  public int width() {
    return originals.width();
  }

  /** Floats of one image in NHWC: height * width * 3. */
  public int floatsPerImage() {
    return originals.imageBytes();
  }

  public RgbImages originals() {
    return originals;
  }

  /** Whether index {@code i} is a flipped copy. */
  public boolean isFlipped(int i) {
    Objects.checkIndex(i, size());
    return i >= originals.count();
  }

  /**
   * Writes image {@code i} as float NHWC values in [-1, 1] ({@code (p - 127.5) / 127.5}) into
   * {@code out[offset .. offset + floatsPerImage())}.
   */
  public void writeUnitRange(int i, float[] out, int offset) {
    Objects.checkIndex(i, size());
    boolean flipped = i >= originals.count();
    int source = flipped ? i - originals.count() : i;
    byte[] px = originals.pixels();
    int h = originals.height();
    int w = originals.width();
    int base = source * originals.imageBytes();
    for (int y = 0; y < h; y++) {
      int row = base + y * w * CHANNELS;
      int dst = offset + y * w * CHANNELS;
      for (int x = 0; x < w; x++) {
        int sx = flipped ? w - 1 - x : x;
        int s = row + sx * CHANNELS;
        int d = dst + x * CHANNELS;
        out[d] = UNIT_RANGE[px[s] & 0xFF];
        out[d + 1] = UNIT_RANGE[px[s + 1] & 0xFF];
        out[d + 2] = UNIT_RANGE[px[s + 2] & 0xFF];
      }
    }
  }

  /** All {@link #size()} images as 8-bit RGB, flipped copies materialised (for grids and metrics). */
  public RgbImages toRgbImages() {
    if (!flips) {
      return originals;
    }
    int n = originals.count();
    int h = originals.height();
    int w = originals.width();
    byte[] src = originals.pixels();
    byte[] out = new byte[2 * src.length];
    System.arraycopy(src, 0, out, 0, src.length);
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        int row = (i * h + y) * w * CHANNELS;
        for (int x = 0; x < w; x++) {
          System.arraycopy(src, row + (w - 1 - x) * CHANNELS, out, src.length + row + x * CHANNELS, CHANNELS);
        }
      }
    }
    return new RgbImages(2 * n, h, w, out);
  }
}
