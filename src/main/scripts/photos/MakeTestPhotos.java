import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes eyegan's test photos from the files of the Debian packages that ship them (see
 * regenerate.sh): the astronaut portrait re-encoded as JPEG (its PNG is 790 KB), Grace Hopper's
 * portrait copied as it is, and the coffee cup (a photo with no face) halved and re-encoded.
 * Runs as a single-file program: java MakeTestPhotos.java SKIMAGE_DATA MPL_SAMPLE_DATA OUT
 */
public class MakeTestPhotos {
  static final float QUALITY = 0.92f;

  public static void main(String[] args) throws IOException {
    Path skimage = Path.of(args[0]);
    Path mpl = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    jpeg(ImageIO.read(skimage.resolve("astronaut.png").toFile()), out.resolve("astronaut.jpg"));
    Files.copy(mpl.resolve("grace_hopper.jpg"), out.resolve("grace_hopper.jpg"), StandardCopyOption.REPLACE_EXISTING);
    jpeg(half(ImageIO.read(skimage.resolve("coffee.png").toFile())), out.resolve("coffee.jpg"));
  }

  /** Each output pixel the mean of a 2 x 2 block (the photo's sides are even). */
  static BufferedImage half(BufferedImage in) {
    BufferedImage out = new BufferedImage(in.getWidth() / 2, in.getHeight() / 2, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int r = 0, g = 0, b = 0;
        for (int k = 0; k < 4; k++) {
          int p = in.getRGB(2 * x + k % 2, 2 * y + k / 2);
          r += (p >> 16) & 0xFF;
          g += (p >> 8) & 0xFF;
          b += p & 0xFF;
        }
        out.setRGB(x, y, ((r + 2) / 4) << 16 | ((g + 2) / 4) << 8 | ((b + 2) / 4));
      }
    }
    return out;
  }

  static void jpeg(BufferedImage image, Path target) throws IOException {
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(QUALITY);
    Files.deleteIfExists(target);
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(new File(target.toString()))) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
