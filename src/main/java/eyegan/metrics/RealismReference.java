package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real images measured once ({@link RealismMeter#reference}) so that generated sets can be compared
 * against them repeatedly: {@code evaluate}'s single comparison, {@code evaluate --calibrate}'s
 * changed copies, or a training loop's periodic check. Holds the reals' measurements, their SWD
 * descriptors and the kernel matrices KID needs; compare from one thread at a time.
 */
public final class RealismReference {
  /** Disjoint parts every set is split into for the standard errors. */
  public static final int PARTS = 4;

  private final RealismMeter meter;
  private final long seed;
  private final RgbImages reference;
  private final RgbImages other;
  private final ImageMeasurements ref;
  private final ImageMeasurements floorSet;
  private final SwdReference swdRef;
  private final PlausibleBox box;
  private final double[] shapeScale;
  private final double[][] kRefRef;
  private final double[][] kOtherOther;
  private final double[][] kRefOther;
  private final int[][] refParts;
  private final SwdReference[] swdPartRefs;
  private int floorCacheSize = -1;
  private SwdResult floorCache;
  private double[] floorPartCache;

  RealismReference(RealismMeter meter, RgbImages reals, long seed) {
    if (reals.count() < 4 * PARTS) {
      throw new IllegalArgumentException("realism measures need at least " + 4 * PARTS + " real images, got " + reals.count());
    }
    this.meter = meter;
    this.seed = seed;
    RgbImages[] halves = ImageSelection.split(reals, meter.swd().settings().imagesPerSet(), seed);
    this.reference = halves[0];
    this.other = halves[1];
    this.ref = meter.measure(reference);
    this.floorSet = meter.measure(other);
    this.swdRef = meter.swd().reference(reference, seed);
    int[] all = ImageMeasurements.all(ref.count());
    this.box = PlausibleBox.of(ref.shapes(), all);
    this.shapeScale = new double[EyeShape.NAMES.length];
    for (int j = 0; j < shapeScale.length; j++) {
      shapeScale[j] = standardDeviation(ImageMeasurements.column(ref.shapes(), all, j));
    }
    this.kRefRef = KernelDistance.kernel(ref.features(), ref.features());
    this.kOtherOther = KernelDistance.kernel(floorSet.features(), floorSet.features());
    this.kRefOther = KernelDistance.kernel(ref.features(), floorSet.features());
    this.refParts = ImageSelection.parts(ref.count(), PARTS, Seeds.mix(seed, 1));
    // SWD's parts project onto one batch of directions instead of four: a quarter of the cost (the
    // projections and sorts are what SWD spends its time on) for the same expected value and a little
    // more direction noise, which only makes the standard error err on the safe side.
    SwdSettings s = meter.swd().settings();
    SlicedWasserstein partSwd = new SlicedWasserstein(s.withDirections(1, s.directionsPerRepeat()));
    this.swdPartRefs = new SwdReference[PARTS];
    for (int p = 0; p < PARTS; p++) {
      swdPartRefs[p] = partSwd.reference(ImageSelection.copy(reference, refParts[p]), seed);
    }
  }

  /** Real images each comparison is made against. */
  public int referenceCount() {
    return reference.count();
  }

  /** The real images held out for the floor (the reals' second half). */
  public RgbImages heldOut() {
    return other;
  }

  /**
   * Every measure of {@code fakes} against the reference half, and of as many images of the other
   * half (the floor) against it: {@code k = min(reference, fakes)} generated images (a seeded random
   * choice when there are more) and {@code k} held-out reals, exactly as {@link
   * SlicedWasserstein#evaluate} chooses them, so the SWD fields equal its result.
   *
   * @throws IllegalArgumentException when the images differ in size from the reals or are fewer
   *     than {@code 2 * PARTS}
   */
  public RealismEvaluation compare(RgbImages fakes) {
    int k = Math.min(reference.count(), fakes.count());
    if (k < 2 * PARTS) {
      throw new IllegalArgumentException("realism measures need at least " + 2 * PARTS + " generated images, got " + fakes.count());
    }
    RgbImages fake = ImageSelection.subset(fakes, k, seed);
    int[] otherIdx = ImageSelection.subsetIndices(other.count(), k, seed);
    RgbImages floorImages = ImageSelection.copy(other, otherIdx);
    ImageMeasurements gen = meter.measure(fake);

    SwdEvaluation swd = new SwdEvaluation(meter.swd().settings(), seed, reference.count(), k,
        swdRef.compare(fake), swdFloor(k, floorImages));

    double[][] kGenGen = KernelDistance.kernel(gen.features(), gen.features());
    double[][] kRefGen = KernelDistance.kernel(ref.features(), gen.features());
    int[] refAll = ImageMeasurements.all(ref.count());
    int[] genAll = ImageMeasurements.all(k);
    long kidSeed = Seeds.mix(seed, Seeds.KID);
    KernelDistance.Kid kidGen = KernelDistance.kid(kRefRef, kGenGen, kRefGen, refAll, genAll, kidSeed);
    KernelDistance.Kid kidFloor = KernelDistance.kid(kRefRef, kOtherOther, kRefOther, refAll, otherIdx, kidSeed);

    // The parts: reference part p against generated part p and held-out part p.
    int[][] genParts = ImageSelection.parts(k, PARTS, Seeds.mix(seed, 2));
    int[][] floorParts = ImageSelection.parts(k, PARTS, Seeds.mix(seed, 3));
    for (int[] part : floorParts) {
      for (int i = 0; i < part.length; i++) {
        part[i] = otherIdx[part[i]];
      }
    }
    double[][] swdParts = new double[2][PARTS];
    double[][] kidParts = new double[2][PARTS];
    double[][] plausibleParts = new double[2][PARTS];
    double[][][] shapeParts = new double[2][EyeShape.NAMES.length][PARTS];
    double[][][] colourParts = new double[2][ImageColour.NAMES.length][PARTS];
    for (int p = 0; p < PARTS; p++) {
      swdParts[0][p] = swdPartRefs[p].compare(ImageSelection.copy(fake, genParts[p])).average();
      swdParts[1][p] = swdFloorPart(k, p, floorParts[p]);
      kidParts[0][p] = KernelDistance.kid(kRefRef, kGenGen, kRefGen, refParts[p], genParts[p], kidSeed).value();
      kidParts[1][p] = KernelDistance.kid(kRefRef, kOtherOther, kRefOther, refParts[p], floorParts[p], kidSeed).value();
      plausibleParts[0][p] = box.share(gen.shapes(), genParts[p]);
      plausibleParts[1][p] = box.share(floorSet.shapes(), floorParts[p]);
      for (int j = 0; j < EyeShape.NAMES.length; j++) {
        shapeParts[0][j][p] = shapeDistance(ref.shapes(), refParts[p], gen.shapes(), genParts[p], j);
        shapeParts[1][j][p] = shapeDistance(ref.shapes(), refParts[p], floorSet.shapes(), floorParts[p], j);
      }
      for (int j = 0; j < ImageColour.NAMES.length; j++) {
        colourParts[0][j][p] = w1(ref.colours(), refParts[p], gen.colours(), genParts[p], j);
        colourParts[1][j][p] = w1(ref.colours(), refParts[p], floorSet.colours(), floorParts[p], j);
      }
    }

    Map<String, Measure> shapes = new LinkedHashMap<>();
    double geoValue = 0;
    double geoFloor = 0;
    double[][] geoParts = new double[2][PARTS];
    for (int j = 0; j < EyeShape.NAMES.length; j++) {
      double v = shapeDistance(ref.shapes(), refAll, gen.shapes(), genAll, j);
      double f = shapeDistance(ref.shapes(), refAll, floorSet.shapes(), otherIdx, j);
      shapes.put(EyeShape.NAMES[j], Measure.of(v, f, shapeParts[0][j], shapeParts[1][j]));
      geoValue += v / EyeShape.NAMES.length;
      geoFloor += f / EyeShape.NAMES.length;
      for (int p = 0; p < PARTS; p++) {
        geoParts[0][p] += shapeParts[0][j][p] / EyeShape.NAMES.length;
        geoParts[1][p] += shapeParts[1][j][p] / EyeShape.NAMES.length;
      }
    }
    Map<String, Measure> colours = new LinkedHashMap<>();
    for (int j = 0; j < ImageColour.NAMES.length; j++) {
      colours.put(ImageColour.NAMES[j], Measure.of(
          w1(ref.colours(), refAll, gen.colours(), genAll, j), w1(ref.colours(), refAll, floorSet.colours(), otherIdx, j),
          colourParts[0][j], colourParts[1][j]));
    }
    return new RealismEvaluation(
        swd,
        Measure.of(swd.fakes().average(), swd.floor().average(), swdParts[0], swdParts[1]),
        Measure.of(kidGen.value(), kidFloor.value(), kidParts[0], kidParts[1]),
        new RealismEvaluation.KidSubsets(kidGen, kidFloor),
        Measure.of(geoValue, geoFloor, geoParts[0], geoParts[1]),
        shapes,
        Measure.of(box.share(gen.shapes(), genAll), box.share(floorSet.shapes(), otherIdx), plausibleParts[0], plausibleParts[1]),
        colours,
        PARTS,
        meter.crop(),
        null);
  }

  /**
   * SWD of the held-out reals: it depends only on the sample size, so calibration's many comparisons
   * of one size compute it once.
   */
  private SwdResult swdFloor(int k, RgbImages floorImages) {
    if (floorCacheSize != k) {
      floorCacheSize = k;
      floorCache = swdRef.compare(floorImages);
      floorPartCache = new double[PARTS];
      java.util.Arrays.fill(floorPartCache, Double.NaN);
    }
    return floorCache;
  }

  private double swdFloorPart(int k, int p, int[] part) {
    if (floorCacheSize != k) {
      throw new IllegalStateException("the floor cache is filled by swdFloor first");
    }
    if (Double.isNaN(floorPartCache[p])) {
      floorPartCache[p] = swdPartRefs[p].compare(ImageSelection.copy(other, part)).average();
    }
    return floorPartCache[p];
  }

  /** W1 of eye feature {@code j} between two row sets, in units of the reference's standard deviation. */
  private double shapeDistance(double[][] a, int[] ai, double[][] b, int[] bi, int j) {
    double[] x = finite(ImageMeasurements.column(a, ai, j));
    double[] y = finite(ImageMeasurements.column(b, bi, j));
    if (x.length == 0 || y.length == 0 || !(shapeScale[j] > 0)) {
      return Double.NaN;
    }
    return Wasserstein1D.distance(x, y) / shapeScale[j];
  }

  private static double w1(double[][] a, int[] ai, double[][] b, int[] bi, int j) {
    return Wasserstein1D.distance(ImageMeasurements.column(a, ai, j), ImageMeasurements.column(b, bi, j));
  }

  private static double[] finite(double[] v) {
    return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
  }

  static double standardDeviation(double[] v) {
    double[] x = finite(v);
    double mean = java.util.Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double d : x) {
      ss += (d - mean) * (d - mean);
    }
    return x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : Double.NaN;
  }
}
