package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.Objects;

/**
 * The multi-scale sliced Wasserstein distance (SWD) of ProGAN (Karras et al. 2018) between two sets of
 * 8-bit RGB images: each image's Laplacian pyramid (5x5 binomial filter, levels from full size down to
 * {@link SwdSettings#minResolution()}), random 7x7x3 neighbourhoods per level as 147-value
 * descriptors, per-channel standardisation, then per level the mean over random unit directions of the
 * 1-D Wasserstein-1 distance of the projected descriptors. No trained network is involved, so it works
 * offline and means the same on any machine.
 *
 * <p>Deterministic: a result depends only on the seed, the settings and the image contents (not on
 * image order or thread count). Neighbourhood positions come from a stream seeded by the seed and a
 * hash of the image, so a set compared with itself gives exactly 0; directions depend on (seed, level).
 *
 * <p>Work is spread over the common fork-join pool. Memory per set, one level at a time:
 * {@code 4 * count * patchesPerImage * 147} bytes of descriptors plus {@code 4 * count * patchesPerImage
 * * 128} of projections (154 + 134 MB for 2,048 images). 2,048 against 2,048 images of 128 px take
 * about 27 CPU-seconds.
 */
public final class SlicedWasserstein {
  private final SwdSettings settings;

  /** Receives a call after each pyramid level; for progress displays. */
  @FunctionalInterface
  public interface Progress {
    /** Silent. */
    Progress NONE = (done, total) -> {};

    /** {@code done} of {@code total} levels are finished. */
    void levelDone(int done, int total);
  }

  public SlicedWasserstein(SwdSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public SwdSettings settings() {
    return settings;
  }

  /** {@link #compute(RgbImages, RgbImages, long, Progress)} without progress. */
  public SwdResult compute(RgbImages a, RgbImages b, long seed) {
    return compute(a, b, seed, Progress.NONE);
  }

  /**
   * SWD between {@code a} and {@code b}, which may differ in count but not in image size. At most
   * {@link SwdSettings#imagesPerSet()} images of each are used (a seeded random choice).
   *
   * @throws IllegalArgumentException for an empty set, different image sizes, or a size that the
   *     pyramid cannot halve down to the minimum resolution
   */
  public SwdResult compute(RgbImages a, RgbImages b, long seed, Progress progress) {
    requireComparable(a, b);
    RgbImages sa = ImageSelection.subset(a, settings.imagesPerSet(), seed);
    RgbImages sb = ImageSelection.subset(b, settings.imagesPerSet(), seed);
    int[] res = PyramidLevels.resolutions(a.height(), a.width(), settings.minResolution());
    DescriptorSampler sampler = new DescriptorSampler(settings, seed);
    double[] x1e3 = new double[res.length];
    // One level at a time keeps only one level of descriptors in memory; rebuilding the coarser
    // pyramid levels each time costs far less than the projections.
    for (int l = 0; l < res.length; l++) {
      LevelDescriptors da = sampler.sample(sa, res.length, l)[0];
      LevelDescriptors db = sampler.sample(sb, res.length, l)[0];
      x1e3[l] = levelDistanceX1e3(da, db, seed, l);
      progress.levelDone(l + 1, res.length);
    }
    return SwdResult.of(res, x1e3);
  }

  /**
   * Samples the descriptors of {@code reals} once (at most {@link SwdSettings#imagesPerSet()} of them)
   * so that many generated sets can be compared against them; what training does every few epochs.
   * {@code reference(a, seed).compare(b)} equals {@code compute(a, b, seed)}.
   */
  public SwdReference reference(RgbImages reals, long seed) {
    requireNonEmpty(reals, "reference");
    RgbImages chosen = ImageSelection.subset(reals, settings.imagesPerSet(), seed);
    int[] res = PyramidLevels.resolutions(reals.height(), reals.width(), settings.minResolution());
    LevelDescriptors[] levels = new DescriptorSampler(settings, seed).sample(chosen, res.length, allLevels(res.length));
    return new SwdReference(this, seed, chosen.count(), chosen.height(), chosen.width(), res, levels);
  }

  /**
   * The real-vs-real floor: SWD between two disjoint random parts of {@code reals} (halves, or
   * {@link SwdSettings#imagesPerSet()} each when there are enough). A generator cannot be expected to
   * get below it at the same sample size, so compare it with an SWD measured on as many images per
   * set: with {@link SwdSettings#TRAINING} and at least 512 reals, training's measurements are.
   */
  public SwdResult floor(RgbImages reals, long seed) {
    RgbImages[] parts = ImageSelection.split(reals, settings.imagesPerSet(), seed);
    return compute(parts[0], parts[1], seed);
  }

  /**
   * SWD of generated images with the real-vs-real floor beside it, both at one sample size so that the
   * ratio reads about 1 for a generator as good as the data. The reals are split into two disjoint
   * random halves (at most {@link SwdSettings#imagesPerSet()} each); {@code k} generated images and
   * {@code k} images of the second half are each compared with the first half, {@code k} being the
   * smaller of the half and the generated count. Pass at least twice as many reals as generated images
   * to use every generated one.
   *
   * @throws IllegalArgumentException for fewer than 2 reals, no generated images or different sizes
   */
  public SwdEvaluation evaluate(RgbImages reals, RgbImages fakes, long seed) {
    requireComparable(reals, fakes);
    RgbImages[] halves = ImageSelection.split(reals, settings.imagesPerSet(), seed);
    int k = Math.min(halves[0].count(), fakes.count());
    SwdReference ref = reference(halves[0], seed);
    SwdResult result = ref.compare(ImageSelection.subset(fakes, k, seed));
    SwdResult floor = ref.compare(ImageSelection.subset(halves[1], k, seed));
    return new SwdEvaluation(settings, seed, halves[0].count(), k, result, floor);
  }

  /** Standardises, projects and compares one level's descriptors of two sets; the value x 1e3. */
  double levelDistanceX1e3(LevelDescriptors a, LevelDescriptors b, long seed, int level) {
    ChannelStats statsA;
    ChannelStats statsB;
    if (settings.normalization() == SwdSettings.Normalization.POOLED) {
      statsA = ChannelStats.of(a, b);
      statsB = statsA;
    } else {
      statsA = ChannelStats.of(a);
      statsB = ChannelStats.of(b);
    }
    float[][] dirs = RandomDirections.draw(settings.directions(), settings.descriptorLength(), seed, level);
    return SlicedDistance.distance(a, statsA, b, statsB, dirs) * 1e3;
  }

  static int[] allLevels(int n) {
    int[] all = new int[n];
    for (int l = 0; l < n; l++) {
      all[l] = l;
    }
    return all;
  }

  static void requireNonEmpty(RgbImages images, String what) {
    Objects.requireNonNull(images, what);
    if (images.count() == 0) {
      throw new IllegalArgumentException("the " + what + " image set is empty");
    }
  }

  private static void requireComparable(RgbImages a, RgbImages b) {
    requireNonEmpty(a, "first");
    requireNonEmpty(b, "second");
    if (a.height() != b.height() || a.width() != b.width()) {
      throw new IllegalArgumentException(
          "SWD compares images of one size, got " + a.width() + "x" + a.height() + " and "
              + b.width() + "x" + b.height());
    }
  }
}
