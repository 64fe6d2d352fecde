package eyegan.train;

import eyegan.image.RgbImages;
import eyegan.metrics.SlicedWasserstein;
import eyegan.metrics.SwdReference;
import eyegan.metrics.SwdResult;
import eyegan.metrics.SwdSettings;

/**
 * Sliced Wasserstein distance during training with the cheap {@link SwdSettings#TRAINING} settings:
 * 256 generated images from fixed noise against a fixed random 256 of the training images, plus the
 * real-vs-real floor of two disjoint sets of 256. The reference descriptors are computed once, so
 * each measurement costs generating 256 images and one comparison (about 1-2 s on 2 cores at 64 px).
 */
public final class QualityMeter {
  /** Mixed into the run seed for the SWD sampling and the fixed noise. */
  private static final long STREAM = 0x737764L;

  private final SlicedWasserstein swd = new SlicedWasserstein(SwdSettings.TRAINING);
  private final RgbImages reals;
  private final long seed;
  private final int noiseDim;
  private SwdReference reference;
  private SwdResult floor;
  private float[] noise;

  /** @param reals the training images (originals, at the training resolution) */
  public QualityMeter(RgbImages reals, long seed, int noiseDim) {
    this.reals = reals;
    this.seed = seed ^ STREAM;
    this.noiseDim = noiseDim;
  }

  /** SWD of the generator's current output against the reference set. */
  public SwdResult measure(Trainer.FakeSampler sampler) {
    if (reference == null) {
      reference = swd.reference(reals, seed);
      noise = GridNoise.forSeed(seed, SwdSettings.TRAINING_IMAGES_PER_SET, noiseDim);
    }
    return reference.compare(sampler.sample(noise, SwdSettings.TRAINING_IMAGES_PER_SET));
  }

  /** Real-vs-real floor at the same settings; computed once. */
  public SwdResult floor() {
    if (floor == null) {
      floor = swd.floor(reals, seed);
    }
    return floor;
  }
}
