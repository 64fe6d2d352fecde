package eyegan.report;

import eyegan.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The animated GIF of the fixed-seed grids across training, as the tutorial makes: one frame per saved
 * grid (evenly thinned to {@value #MAX_FRAMES} for long runs, first and last always kept), each
 * captioned with its epoch, looping forever, the final grid held longer. Encoding (palette and LZW) is
 * ImageIO's GIF writer; looping is the NETSCAPE2.0 application extension browsers honour.
 */
public final class ProgressGif {
  /** Upper bound on frames: 1600 epochs would make a 300 MB, minutes-long animation. */
  public static final int MAX_FRAMES = 200;
  /** The whole animation aims at about this long, so 10 and 200 frames both read well. */
  static final int TARGET_DURATION_CS = 1000;
  /** Per-frame delay bounds, hundredths of a second (browsers treat under 2 as 10). */
  static final int MIN_DELAY_CS = 5;
  static final int MAX_DELAY_CS = 50;
  /** The last grid stays this long before the loop restarts, hundredths of a second. */
  static final int LAST_FRAME_DELAY_CS = 300;
  private static final int CAPTION_HEIGHT = 18;
  private static final Color CAPTION_BACKGROUND = new Color(24, 24, 24);
  private static final Color CAPTION_TEXT = new Color(230, 230, 230);
  private static final String GIF_METADATA = "javax_imageio_gif_image_1.0";

  private ProgressGif() {}

  /** The frames to use: all when at most {@code max}, else {@code max} evenly spaced including both ends. */
  static List<GridFrame> thin(List<GridFrame> frames, int max) {
    int n = frames.size();
    if (n <= max) {
      return List.copyOf(frames);
    }
    List<GridFrame> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(frames.get((int) Math.round((double) i * (n - 1) / (max - 1))));
    }
    return out;
  }

  /** Delay of every frame but the last, hundredths of a second. */
  static int frameDelay(int frames) {
    return Math.max(MIN_DELAY_CS, Math.min(MAX_DELAY_CS, TARGET_DURATION_CS / Math.max(1, frames)));
  }

  /**
   * Writes the animation of {@code frames} to {@code target} (atomically). Frames that cannot be read
   * are left out and reported through {@code problems}.
   *
   * @return frames written; 0 means no file was written
   */
  public static int write(List<GridFrame> frames, Path target, Consumer<String> problems) {
    List<GridFrame> chosen = thin(frames, MAX_FRAMES);
    // Find the first readable grid before creating the file, so a run without one gets no empty GIF.
    int start = 0;
    BufferedImage first = null;
    while (start < chosen.size() && (first = readGrid(chosen.get(start), problems)) == null) {
      start++;
    }
    if (first == null) {
      return 0;
    }
    int delay = frameDelay(chosen.size() - start);
    int width = first.getWidth();
    int height = first.getHeight();
    int[] written = {0};
    BufferedImage firstGrid = first;
    int firstIndex = start;
    AtomicFiles.write(
        target,
        out -> {
          ImageWriter writer = gifWriter();
          try (ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            // One frame of look-ahead: a frame is written once the next readable one is known, so the
            // last frame gets the long delay, and at most two decoded grids are held.
            GridFrame pending = chosen.get(firstIndex);
            BufferedImage pendingImage = firstGrid;
            for (int i = firstIndex + 1; i < chosen.size(); i++) {
              BufferedImage next = readGrid(chosen.get(i), problems);
              if (next == null) {
                continue;
              }
              writeFrame(writer, pending, pendingImage, width, height, delay, written[0] == 0);
              written[0]++;
              pending = chosen.get(i);
              pendingImage = next;
            }
            writeFrame(writer, pending, pendingImage, width, height, LAST_FRAME_DELAY_CS, written[0] == 0);
            written[0]++;
            writer.endWriteSequence();
          } finally {
            writer.dispose();
          }
        });
    return written[0];
  }

  private static void writeFrame(
      ImageWriter writer, GridFrame f, BufferedImage grid, int width, int height, int delayCs, boolean first)
      throws IOException {
    BufferedImage frame = captioned(grid, width, height, f.label());
    writer.writeToSequence(new IIOImage(frame, null, frameMetadata(writer, frame, delayCs, first)), null);
  }

  private static BufferedImage readGrid(GridFrame f, Consumer<String> problems) {
    try {
      BufferedImage image = ImageIO.read(f.file().toFile());
      if (image == null) {
        problems.accept("left " + f.file() + " out of the GIF: not a readable image");
      }
      return image;
    } catch (IOException e) {
      problems.accept("left " + f.file() + " out of the GIF: " + e.getMessage());
      return null;
    }
  }

  /** The grid scaled to the first frame's size (sizes never change within a run, but a GIF needs one) with a caption strip below. */
  private static BufferedImage captioned(BufferedImage grid, int width, int height, String caption) {
    BufferedImage frame = new BufferedImage(width, height + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(grid, 0, 0, width, height, null);
      g.setColor(CAPTION_BACKGROUND);
      g.fillRect(0, height, width, CAPTION_HEIGHT);
      g.setColor(CAPTION_TEXT);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, CAPTION_HEIGHT - 5));
      // No antialiasing: a crisp two-colour caption costs the frame's 256-colour palette nothing.
      g.drawString(caption, 4, height + CAPTION_HEIGHT - 5);
    } finally {
      g.dispose();
    }
    return frame;
  }

  private static ImageWriter gifWriter() throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("this Java runtime has no GIF writer");
    }
    return writers.next();
  }

  private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, int delayCs, boolean first)
      throws IOException {
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_METADATA);

    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delayCs));
    control.setAttribute("transparentColorIndex", "0");

    if (first) {
      // NETSCAPE2.0 sub-block 1: loop count, little-endian 16 bits; 0 = forever.
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0});
      child(root, "ApplicationExtensions").appendChild(app);
    }
    meta.setFromTree(GIF_METADATA, root);
    return meta;
  }

  /** The child of {@code root} with that name, created if missing. */
  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
