package eyegan.data;

/**
 * How a non-square photo becomes the square training image.
 *
 * <ul>
 *   <li>{@link #CROP} (the default): keep the centred square whose side is the shorter edge; the
 *       longer edge loses equal amounts on both sides. Close-up eye photos usually frame the eye in
 *       the middle, so cropping keeps it and fills the whole frame.
 *   <li>{@link #PAD}: keep the whole photo and fill the centred square whose side is the longer edge
 *       with the background colour ({@link LoadOptions#BACKGROUND_RGB}) where the photo has no pixels.
 * </ul>
 */
public enum SquareFit {
  CROP,
  PAD;

  /** Lower-case name as typed on the command line and recorded in a run's options. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a recorded or typed name; null (runs recorded before it was kept) is {@link #CROP}. */
  public static SquareFit parse(String name) {
    if (name == null) {
      return CROP;
    }
    for (SquareFit f : values()) {
      if (f.id().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fit '" + name + "' (choose crop or pad)");
  }

  /**
   * The square region of a {@code width x height} image, in image pixels.
   *
   * @return {x0, y0, side}; x0/y0 are negative for {@link #PAD} when padding is added on that axis
   */
  public int[] region(int width, int height) {
    int side = this == CROP ? Math.min(width, height) : Math.max(width, height);
    // Floor division keeps the region centred to within half a pixel, also for negative offsets.
    int x0 = Math.floorDiv(width - side, 2);
    int y0 = Math.floorDiv(height - side, 2);
    return new int[] {x0, y0, side};
  }
}
