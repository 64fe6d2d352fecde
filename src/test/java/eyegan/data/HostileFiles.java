package eyegan.data;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The loader's hostile files (the ones {@link SkippingTest} and {@link DecodingTest} feed it), written
 * into a folder so that other readers of photo folders can be checked against the same corpus: empty,
 * text, truncated files of every format, garbled compressed data, decompression bombs (header-only
 * and a compressed text chunk), and odd but valid images (CMYK JPEG, 16-bit grey, palette with
 * transparency).
 */
public final class HostileFiles {
  private HostileFiles() {}

  /** Writes the corpus into {@code dir} and returns the file names, sorted. */
  public static List<String> writeTo(Path dir) throws Exception {
    Files.createDirectories(dir);
    byte[] png = Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png");
    byte[] jpeg = Fixtures.writeJpeg(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), 0.9f);
    byte[] gif = Fixtures.write(Fixtures.palette(false), "gif");
    byte[] bmp = Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "bmp");
    byte[] tiff = Fixtures.write(Fixtures.bands(BufferedImage.TYPE_INT_RGB), "tiff");
    byte[] garbled = png.clone();
    for (int i = garbled.length / 2; i < garbled.length - 12; i++) {
      garbled[i] = (byte) (garbled[i] * 31 + 7);
    }
    Files.write(dir.resolve("empty.jpg"), new byte[0]);
    Files.writeString(dir.resolve("notes.txt"), "not an image\n", StandardCharsets.UTF_8);
    Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length * 2 / 3));
    Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length - 40));
    Files.write(dir.resolve("cut.gif"), Arrays.copyOf(gif, gif.length * 2 / 3));
    Files.write(dir.resolve("cut.bmp"), Arrays.copyOf(bmp, bmp.length * 2 / 3));
    Files.write(dir.resolve("cut.tiff"), Arrays.copyOf(tiff, tiff.length * 2 / 3));
    Files.write(dir.resolve("garbled.png"), garbled);
    Files.write(dir.resolve("bomb.png"), Fixtures.pngHeaderOnly(100_000, 100_000));
    Files.write(dir.resolve("bomb.jpg"), Fixtures.withJpegSize(jpeg, 65_000, 65_000));
    Files.write(dir.resolve("bomb.gif"), Fixtures.withGifSize(gif, 65_000, 65_000));
    Files.write(dir.resolve("strip.png"), Fixtures.pngHeaderOnly(ImageDecoder.MAX_SIDE + 1, 1));
    Files.write(dir.resolve("text-bomb.png"), Fixtures.withTextBomb(png, 64 << 20));
    Files.write(dir.resolve("cmyk.jpg"), Fixtures.cmykJpeg(0, 128, 0, 64));
    Files.write(dir.resolve("grey16.png"), Fixtures.write(Fixtures.sixteenBit(true, new int[] {90, 90, 90}), "png"));
    Files.write(dir.resolve("palette.png"), Fixtures.write(Fixtures.palette(true), "png"));
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
