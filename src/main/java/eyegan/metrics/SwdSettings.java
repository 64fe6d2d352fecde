package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the sliced Wasserstein distance samples and how it normalises. {@link #STANDARD} uses the sizes of
 * ProGAN (Karras et al. 2018): 7x7 patches, 128 per image per pyramid level, levels down to 16 px,
 * 4 x 128 random directions. {@link #TRAINING} keeps those and only caps the image count, so a value
 * logged during training measures the same thing as {@code evaluate}, with more sampling noise and a
 * higher real-vs-real floor (a smaller sample of one distribution is farther from another sample).
 *
 * @param patchSize side of the square neighbourhood around each sampled pixel, odd, at least 1
 * @param patchesPerImage neighbourhoods sampled per image per pyramid level, at least 1
 * @param directionRepeats independent batches of random directions, at least 1
 * @param directionsPerRepeat random unit directions per batch, at least 1
 * @param minResolution the pyramid stops before a level would be smaller than this (pixels), at least
 *     {@code patchSize}
 * @param imagesPerSet at most this many images of each set are used, a seeded random choice when a set
 *     is larger; 0 means all
 * @param normalization which descriptors the per-channel mean and standard deviation come from
 */
public record SwdSettings(
    @JsonProperty("patch_size") int patchSize,
    @JsonProperty("patches_per_image") int patchesPerImage,
    @JsonProperty("direction_repeats") int directionRepeats,
    @JsonProperty("directions_per_repeat") int directionsPerRepeat,
    @JsonProperty("min_resolution") int minResolution,
    @JsonProperty("images_per_set") int imagesPerSet,
    @JsonProperty("normalization") Normalization normalization) {

  /** ProGAN's neighbourhood side. */
  public static final int DEFAULT_PATCH_SIZE = 7;
  /** ProGAN's neighbourhoods per image per level. */
  public static final int DEFAULT_PATCHES_PER_IMAGE = 128;
  /** ProGAN's repeats of the direction draw. */
  public static final int DEFAULT_DIRECTION_REPEATS = 4;
  /** ProGAN's directions per repeat. */
  public static final int DEFAULT_DIRECTIONS_PER_REPEAT = 128;
  /** ProGAN's smallest pyramid level. */
  public static final int DEFAULT_MIN_RESOLUTION = 16;
  /**
   * Images per set during training: 256 real against 256 generated keeps one measurement at a few
   * seconds on 2 cores (descriptor count 32,768 per level and set instead of 262,144 for 2,048 images).
   */
  public static final int TRAINING_IMAGES_PER_SET = 256;

  /** Full evaluation: ProGAN's sizes, every image given. */
  public static final SwdSettings STANDARD =
      new SwdSettings(
          DEFAULT_PATCH_SIZE,
          DEFAULT_PATCHES_PER_IMAGE,
          DEFAULT_DIRECTION_REPEATS,
          DEFAULT_DIRECTIONS_PER_REPEAT,
          DEFAULT_MIN_RESOLUTION,
          0,
          Normalization.POOLED);

  /** Training-time measurement: {@link #STANDARD} with at most {@value #TRAINING_IMAGES_PER_SET} images per set. */
  public static final SwdSettings TRAINING = STANDARD.withImagesPerSet(TRAINING_IMAGES_PER_SET);

  /** Source of the per-channel statistics that descriptors are standardised with. */
  public enum Normalization {
    /**
     * Mean and standard deviation per colour channel over the descriptors of both sets together. Both
     * sets share one scale, so a colour cast or a global change of contrast in one set counts.
     */
    POOLED,
    /**
     * Each set standardised by its own statistics, as ProGAN's {@code finalize_descriptors} does. This
     * reproduces published numbers but cannot see a uniform shift or scaling of a colour channel.
     */
    PER_SET
  }

  public SwdSettings {
    if (patchSize < 1 || patchSize % 2 == 0) {
      throw new IllegalArgumentException("patchSize must be odd and >= 1, got " + patchSize);
    }
    requirePositive("patchesPerImage", patchesPerImage);
    requirePositive("directionRepeats", directionRepeats);
    requirePositive("directionsPerRepeat", directionsPerRepeat);
    if (minResolution < patchSize) {
      throw new IllegalArgumentException(
          "minResolution must be >= patchSize (" + patchSize + "), got " + minResolution);
    }
    if (imagesPerSet < 0) {
      throw new IllegalArgumentException("imagesPerSet must be >= 0 (0 = all), got " + imagesPerSet);
    }
    if (normalization == null) {
      throw new IllegalArgumentException("normalization must not be null");
    }
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  /** Values per descriptor: patchSize * patchSize * 3 (147 for 7x7 RGB). */
  public int descriptorLength() {
    return patchSize * patchSize * 3;
  }

  /** All random directions: directionRepeats * directionsPerRepeat (512 by default). */
  public int directions() {
    return directionRepeats * directionsPerRepeat;
  }

  /** A copy with another image cap (0 = all). */
  public SwdSettings withImagesPerSet(int images) {
    return new SwdSettings(
        patchSize, patchesPerImage, directionRepeats, directionsPerRepeat, minResolution, images, normalization);
  }

  /** A copy with another normalisation. */
  public SwdSettings withNormalization(Normalization n) {
    return new SwdSettings(
        patchSize, patchesPerImage, directionRepeats, directionsPerRepeat, minResolution, imagesPerSet, n);
  }

  /** A copy with other direction counts (fewer directions: faster, noisier). */
  public SwdSettings withDirections(int repeats, int perRepeat) {
    return new SwdSettings(patchSize, patchesPerImage, repeats, perRepeat, minResolution, imagesPerSet, normalization);
  }

  /** A copy with another number of neighbourhoods per image per level. */
  public SwdSettings withPatchesPerImage(int patches) {
    return new SwdSettings(patchSize, patches, directionRepeats, directionsPerRepeat, minResolution, imagesPerSet, normalization);
  }
}
