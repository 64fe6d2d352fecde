package eyegan.metrics;

import eyegan.image.RgbImages;
import eyegan.pretrained.EyeCrop;
import eyegan.pretrained.EyeLandmarks;
import eyegan.pretrained.IrisLandmarks;
import eyegan.pretrained.MobileNetFeatures;

/**
 * eyegan's realism instruments in one object, for {@code evaluate}, sweeps and training loops: SWD,
 * KID on MobileNetV2 features, eye geometry from MediaPipe's iris model, the share of plausible
 * eyes, and colour distances, each with its real-vs-real floor and standard error ({@link
 * RealismEvaluation}).
 *
 * <pre>{@code
 * try (RealismMeter meter = RealismMeter.open()) {              // loads both networks once (~1 s)
 *   RealismEvaluation e = meter.evaluate(reals, generated, 0);  // one comparison
 *   RealismReference ref = meter.reference(reals, 0);           // or: measure the reals once,
 *   RealismEvaluation now = ref.compare(generatedNow);          // then compare many sets cheaply
 * }
 * }</pre>
 *
 * <p><b>Cost</b> (2 cores, AMD EPYC Zen 5): per image, MobileNetV2 at 224 px takes about 20 ms of
 * CPU (9 ms of wall time on 2 idle cores) and the iris model 2 x 3 ms (the image and its mirror);
 * SWD about 5 s of CPU per 500 vs 500 comparison at 64 px. {@code evaluate} of 500 generated images
 * at 64 px against 1,000 reals (500 of them the floor's) measures 1,500 images: 60 s of CPU, 46 s of
 * wall time on a 2-core machine with other work on it. Preparing a {@link RealismReference} of 1,000
 * reals costs 33 s of CPU, each {@link RealismReference#compare} of 256 generated images 17 s. Holds
 * two TensorFlow sessions (about 2.5 GB resident while MobileNet runs batches of 32): close it.
 */
public final class RealismMeter implements AutoCloseable {
  private final SlicedWasserstein swd;
  private final EyeCrop crop;
  private final IrisLandmarks iris;
  private final MobileNetFeatures mobilenet;

  private RealismMeter(SlicedWasserstein swd, EyeCrop crop, IrisLandmarks iris, MobileNetFeatures mobilenet) {
    this.swd = swd;
    this.crop = crop;
    this.iris = iris;
    this.mobilenet = mobilenet;
  }

  /** The standard instruments: {@link SwdSettings#STANDARD} and the {@link EyeCrop#CLOSE_UP} eye window. */
  public static RealismMeter open() {
    return open(new SlicedWasserstein(SwdSettings.STANDARD), EyeCrop.CLOSE_UP);
  }

  /** Instruments with other SWD settings or another eye window (for images framed otherwise). */
  public static RealismMeter open(SlicedWasserstein swd, EyeCrop crop) {
    IrisLandmarks iris = IrisLandmarks.open();
    try {
      return new RealismMeter(swd, crop, iris, MobileNetFeatures.open());
    } catch (RuntimeException e) {
      iris.close();
      throw e;
    }
  }

  /** Every measure of {@code fakes} against {@code reals} (see {@link RealismReference#compare}). */
  public RealismEvaluation evaluate(RgbImages reals, RgbImages fakes, long seed) {
    return reference(reals, seed).compare(fakes);
  }

  /**
   * Measures the reals once for many comparisons: they are split into two disjoint random halves (as
   * {@link SlicedWasserstein#evaluate} splits them), the first the reference, the second the floor's
   * stand-in for a perfect generator.
   *
   * @throws IllegalArgumentException for fewer than {@code 2 * RealismReference.PARTS} reals
   */
  public RealismReference reference(RgbImages reals, long seed) {
    return new RealismReference(this, reals, seed);
  }

  /** MobileNet features, eye shapes (the image and its mirror averaged) and colours of every image. */
  public ImageMeasurements measure(RgbImages images) {
    float[][] features = mobilenet.features(images);
    EyeLandmarks[] plain = iris.locate(images, crop, false);
    EyeLandmarks[] mirrored = iris.locate(images, crop, true);
    double[][] shapes = new double[images.count()][];
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = EyeShape.mean(EyeShape.of(plain[i]), EyeShape.of(mirrored[i])).features();
    }
    return new ImageMeasurements(features, shapes, ImageColour.of(images));
  }

  /** MobileNet features alone (what the memorisation check compares). */
  public float[][] features(RgbImages images) {
    return mobilenet.features(images);
  }

  SlicedWasserstein swd() {
    return swd;
  }

  EyeCrop crop() {
    return crop;
  }

  @Override
  public void close() {
    try {
      iris.close();
    } finally {
      mobilenet.close();
    }
  }
}
