package eyegan.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Lays images out in a grid (row-major, like the tutorial's 4x4 matplotlib figure) with a thin dark
 * gutter so neighbouring eyes do not blend into one picture.
 */
public final class ImageGrid {
  /** Pixels between tiles and around the border. */
  public static final int GUTTER = 2;
  private static final Color GUTTER_COLOR = new Color(24, 24, 24);

  private ImageGrid() {}

  /**
   * Composes the first {@code Math.min(limit, images.count())} images into a grid.
   *
   * @param columns tiles per row; rows follow from the count
   */
  public static BufferedImage compose(RgbImages images, int columns, int limit) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be >= 1, got " + columns);
    }
    int n = Math.min(limit, images.count());
    if (n < 1) {
      throw new IllegalArgumentException("no images to put in a grid");
    }
    int cols = Math.min(columns, n);
    int rows = (n + cols - 1) / cols;
    int w = images.width();
    int h = images.height();
    BufferedImage grid =
        new BufferedImage(cols * (w + GUTTER) + GUTTER, rows * (h + GUTTER) + GUTTER, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(GUTTER_COLOR);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      for (int i = 0; i < n; i++) {
        int x = GUTTER + (i % cols) * (w + GUTTER);
        int y = GUTTER + (i / cols) * (h + GUTTER);
        g.drawImage(images.toBufferedImage(i), x, y, null);
      }
    } finally {
      g.dispose();
    }
    return grid;
  }

  /** A square-ish grid of all images: columns = ceil(sqrt(count)). */
  public static BufferedImage compose(RgbImages images) {
    int cols = (int) Math.ceil(Math.sqrt(images.count()));
    return compose(images, Math.max(1, cols), images.count());
  }
}
