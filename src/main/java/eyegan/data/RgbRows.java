package eyegan.data;

import eyegan.image.Resampler;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads any decoded {@link BufferedImage} one row at a time as 8-bit sRGB, with transparency
 * composited onto a solid background: {@code out = colour * alpha + background * (1 - alpha)}.
 *
 * <p>Three paths, chosen once per image:
 *
 * <ul>
 *   <li>sRGB and grey images (8 or 16 bits, with or without alpha): samples are read straight from
 *       the raster and scaled to 8 bits. Grey files are treated as gamma-encoded grey, which is what
 *       JPEG and PNG files hold in practice; {@link BufferedImage#getRGB} would instead treat Java's
 *       grey colour space as linear and brighten mid-grey 128 to 188.
 *   <li>Palette images: the palette (including a transparent entry) is applied directly.
 *   <li>Everything else (embedded ICC profiles, linear RGB, CMYK left unconverted): Java's colour
 *       management via {@link BufferedImage#getRGB}, which converts to sRGB.
 * </ul>
 *
 * Reading row by row keeps memory at one decoded image plus one row, even for large photos.
 */
final class RgbRows implements Resampler.RowSource {
  private enum Path { DIRECT_BGR, SAMPLES, PALETTE, COLOR_MANAGED }

  private static final int CHANNELS = 3;
  private static final int OPAQUE = 255;
  /** Deepest samples read directly; PNG and TIFF photos have 8 or 16. */
  private static final int MAX_SAMPLE_BITS = 16;

  private final BufferedImage image;
  private final Raster raster;
  private final ColorModel colorModel;
  private final int width;
  private final int[] background;
  private final Path path;
  private final int[] samples;
  private final int[] argb;
  /** Per band: factor from the band's bit depth to 0..255. */
  private final float[] scale;

  RgbRows(BufferedImage image, int[] background) {
    this.image = image;
    this.raster = image.getRaster();
    this.colorModel = image.getColorModel();
    this.width = image.getWidth();
    this.background = background.clone();
    this.path = choosePath(image);
    this.samples = path == Path.SAMPLES || path == Path.PALETTE
        ? new int[width * raster.getNumBands()] : null;
    this.argb = path == Path.COLOR_MANAGED ? new int[width] : null;
    this.scale = new float[raster.getNumBands()];
    for (int b = 0; b < scale.length && b < colorModel.getNumComponents(); b++) {
      scale[b] = 255f / ((1 << colorModel.getComponentSize(b)) - 1);
    }
  }

  private static Path choosePath(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && image.getRaster().getDataBuffer() instanceof DataBufferByte) {
      return Path.DIRECT_BGR;
    }
    if (cm instanceof IndexColorModel) {
      return Path.PALETTE;
    }
    ColorSpace cs = cm.getColorSpace();
    boolean plainSpace = cs.isCS_sRGB() || (cs.getType() == ColorSpace.TYPE_GRAY && cs.getNumComponents() == 1);
    int bands = image.getRaster().getNumBands();
    boolean integerSamples = image.getRaster().getTransferType() == DataBuffer.TYPE_BYTE
        || image.getRaster().getTransferType() == DataBuffer.TYPE_USHORT
        || image.getRaster().getTransferType() == DataBuffer.TYPE_INT;
    boolean upTo16Bits = true;
    for (int b = 0; b < cm.getNumComponents(); b++) {
      upTo16Bits &= cm.getComponentSize(b) <= MAX_SAMPLE_BITS;
    }
    if (plainSpace && integerSamples && upTo16Bits && bands == cm.getNumComponents()) {
      return Path.SAMPLES;
    }
    return Path.COLOR_MANAGED;
  }

  @Override
  public void row(int y, byte[] rgb) {
    switch (path) {
      case DIRECT_BGR -> directBgr(y, rgb);
      case SAMPLES -> fromSamples(y, rgb);
      case PALETTE -> fromPalette(y, rgb);
      case COLOR_MANAGED -> colorManaged(y, rgb);
      default -> throw new IllegalStateException(path.toString());
    }
  }

  /** The common JPEG result: interleaved B, G, R bytes, no alpha. */
  private void directBgr(int y, byte[] rgb) {
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    // Offsets come from the sample model so sub-images (non-zero origin) stay correct.
    ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
    int[] offsets = sm.getBandOffsets();
    int pixelStride = sm.getPixelStride();
    int p = (y - raster.getSampleModelTranslateY()) * sm.getScanlineStride()
        - raster.getSampleModelTranslateX() * pixelStride;
    int r = p + offsets[0];
    int g = p + offsets[1];
    int b = p + offsets[2];
    for (int o = 0, end = width * CHANNELS; o < end; o += CHANNELS, r += pixelStride, g += pixelStride, b += pixelStride) {
      rgb[o] = data[r];
      rgb[o + 1] = data[g];
      rgb[o + 2] = data[b];
    }
  }

  private void fromSamples(int y, byte[] rgb) {
    int bands = raster.getNumBands();
    raster.getPixels(0, y, width, 1, samples);
    boolean hasAlpha = colorModel.hasAlpha();
    boolean premultiplied = colorModel.isAlphaPremultiplied();
    int colourBands = hasAlpha ? bands - 1 : bands;
    for (int x = 0; x < width; x++) {
      int base = x * bands;
      float alpha = hasAlpha ? samples[base + bands - 1] * scale[bands - 1] / 255f : 1f;
      for (int c = 0; c < CHANNELS; c++) {
        // Grey images have one colour band that feeds R, G and B alike.
        int band = colourBands == 1 ? 0 : c;
        float v = samples[base + band] * scale[band];
        float out = premultiplied
            ? v + background[c] * (1f - alpha)
            : v * alpha + background[c] * (1f - alpha);
        rgb[x * CHANNELS + c] = toByte(out);
      }
    }
  }

  private void fromPalette(int y, byte[] rgb) {
    IndexColorModel icm = (IndexColorModel) colorModel;
    raster.getPixels(0, y, width, 1, samples);
    for (int x = 0; x < width; x++) {
      int index = samples[x];
      composite(icm.getRGB(index), rgb, x);
    }
  }

  private void colorManaged(int y, byte[] rgb) {
    image.getRGB(0, y, width, 1, argb, 0, width);
    for (int x = 0; x < width; x++) {
      composite(argb[x], rgb, x);
    }
  }

  /** Composites one non-premultiplied ARGB pixel onto the background. */
  private void composite(int pixel, byte[] rgb, int x) {
    int a = pixel >>> 24;
    if (a == OPAQUE) {
      rgb[x * CHANNELS] = (byte) (pixel >> 16);
      rgb[x * CHANNELS + 1] = (byte) (pixel >> 8);
      rgb[x * CHANNELS + 2] = (byte) pixel;
      return;
    }
    float alpha = a / 255f;
    for (int c = 0; c < CHANNELS; c++) {
      int v = (pixel >> (16 - 8 * c)) & 0xFF;
      rgb[x * CHANNELS + c] = toByte(v * alpha + background[c] * (1f - alpha));
    }
  }

  private static byte toByte(float v) {
    int b = (int) (v + 0.5f);
    return (byte) (b < 0 ? 0 : Math.min(b, 255));
  }
}
