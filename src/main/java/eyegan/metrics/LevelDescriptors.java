package eyegan.metrics;

/**
 * The neighbourhood descriptors of one pyramid level of one image set, with the per-image sums the
 * per-channel standardisation needs.
 *
 * <p>Layout: {@code rows[image * length + k][p]} is component {@code k} of patch {@code p} of that
 * image; component {@code k = (c * side + dy) * side + dx} for channel {@code c} (R, G, B) and offset
 * {@code (dy, dx)} in the neighbourhood. Component-major rows let the projection run its inner loop over
 * patches, and separate arrays (each starting at index 0) are what the JIT's auto-vectoriser needs:
 * the same loop over offsets into one big array runs 4-5x slower.
 */
final class LevelDescriptors {
  final int images;
  final int patches;
  final int side;
  final int length;
  /** {@code images * length} rows of {@code patches} values, as described above. */
  final float[][] rows;
  /** Sum over an image's descriptor values of channel c: {@code [image * 3 + c]}. */
  final double[] channelSums;
  /** Sum of squares, same layout as {@link #channelSums}. */
  final double[] channelSquares;

  LevelDescriptors(int images, int patches, int side) {
    if ((long) images * patches > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          images + " images x " + patches + " patches are too many descriptors; use fewer images");
    }
    this.images = images;
    this.patches = patches;
    this.side = side;
    this.length = side * side * 3;
    this.rows = new float[images * length][patches];
    this.channelSums = new double[images * 3];
    this.channelSquares = new double[images * 3];
  }

  /** All descriptors: images * patches. */
  int count() {
    return images * patches;
  }

  /** Index in {@link #rows} of component 0 of image {@code i}. */
  int firstRow(int i) {
    return i * length;
  }
}
