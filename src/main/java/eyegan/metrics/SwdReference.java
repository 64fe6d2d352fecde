package eyegan.metrics;

import eyegan.image.RgbImages;

/**
 * Descriptors of a real image set sampled once, for comparing many generated sets against it cheaply
 * (training measures SWD every few epochs against the same reals). Holds
 * {@code 4 * images * patchesPerImage * 147 * levels} bytes: 77 MB for 256 images of 128 px with the
 * default settings. Immutable and safe to share between threads.
 */
public final class SwdReference {
  private final SlicedWasserstein swd;
  private final long seed;
  private final int images;
  private final int height;
  private final int width;
  private final int[] resolutions;
  private final LevelDescriptors[] levels;

  SwdReference(
      SlicedWasserstein swd, long seed, int images, int height, int width, int[] resolutions, LevelDescriptors[] levels) {
    this.swd = swd;
    this.seed = seed;
    this.images = images;
    this.height = height;
    this.width = width;
    this.resolutions = resolutions;
    this.levels = levels;
  }

  /**
   * SWD of {@code fakes} (at most {@link SwdSettings#imagesPerSet()} of them, a seeded random choice)
   * against the reference, with the reference's seed: equal to
   * {@code compute(reals, fakes, seed)} on the same settings.
   *
   * @throws IllegalArgumentException when {@code fakes} is empty or differs in image size
   */
  public SwdResult compare(RgbImages fakes) {
    SlicedWasserstein.requireNonEmpty(fakes, "generated");
    if (fakes.height() != height || fakes.width() != width) {
      throw new IllegalArgumentException(
          "the SWD reference holds " + width + "x" + height + " images, got " + fakes.width() + "x" + fakes.height());
    }
    SwdSettings settings = swd.settings();
    RgbImages chosen = ImageSelection.subset(fakes, settings.imagesPerSet(), seed);
    LevelDescriptors[] fake =
        new DescriptorSampler(settings, seed).sample(chosen, resolutions.length, SlicedWasserstein.allLevels(resolutions.length));
    double[] x1e3 = new double[resolutions.length];
    for (int l = 0; l < resolutions.length; l++) {
      x1e3[l] = swd.levelDistanceX1e3(levels[l], fake[l], seed, l);
    }
    return SwdResult.of(resolutions, x1e3);
  }

  /** Real images the reference was sampled from. */
  public int imageCount() {
    return images;
  }

  public SwdSettings settings() {
    return swd.settings();
  }

  public long seed() {
    return seed;
  }
}
