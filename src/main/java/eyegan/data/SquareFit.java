package eyegan.data;

import java.util.Locale;

/**
 * How a photo becomes the square training image.
 *
 * <ul>
 *   <li>{@link #CROP} (the default): keep the centred square whose side is the shorter edge; the
 *       longer edge loses equal amounts on both sides. Close-up eye photos usually frame the eye in
 *       the middle, so cropping keeps it, fills the whole frame and keeps its proportions.
 *   <li>{@link #PAD}: keep the whole photo and fill the centred square whose side is the longer edge
 *       with the background colour ({@link LoadOptions#BACKGROUND_RGB}) where the photo has no pixels.
 *   <li>{@link #STRETCH}: resize the whole photo to the square, each axis by its own factor, so a
 *       non-square photo is squashed. This is what the reference tutorial does (PIL's
 *       {@code Image.resize((128, 128))}).
 * </ul>
 */
public enum SquareFit {
  CROP,
  PAD,
  STRETCH;

  /** Lower-case name as typed after {@code --fit} and recorded in a run's options. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code crop}, {@code pad} or {@code stretch} (any case), as typed or recorded; null (runs
   * recorded before the fit was kept) is {@link #CROP}.
   */
  public static SquareFit parse(String name) {
    if (name == null) {
      return CROP;
    }
    for (SquareFit f : values()) {
      if (f.id().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fit '" + name + "' (choose crop, pad or stretch)");
  }

  /**
   * The region of a {@code width x height} image that becomes the training image, in image pixels.
   *
   * @return {x0, y0, regionWidth, regionHeight}; x0/y0 are negative for {@link #PAD} when padding is
   *     added on that axis; the region is square except for {@link #STRETCH}
   */
  public int[] region(int width, int height) {
    if (this == STRETCH) {
      return new int[] {0, 0, width, height};
    }
    int side = this == CROP ? Math.min(width, height) : Math.max(width, height);
    // Floor division keeps the region centred to within half a pixel, also for negative offsets.
    int x0 = Math.floorDiv(width - side, 2);
    int y0 = Math.floorDiv(height - side, 2);
    return new int[] {x0, y0, side, side};
  }
}
