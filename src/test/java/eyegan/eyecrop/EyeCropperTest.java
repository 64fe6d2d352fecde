package eyegan.eyecrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.data.PhotoReader;
import eyegan.image.RgbImages;
import eyegan.pretrained.EyeCrop;
import eyegan.pretrained.EyeLandmarks;
import eyegan.pretrained.FaceDetector;
import eyegan.pretrained.IrisLandmarks;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Eye crops of the shipped portraits, with the real face and iris networks. */
class EyeCropperTest {
  /** Low enough for the astronaut's 17 px eyes whatever the default is. */
  private static final EyeCropOptions OPTIONS = new EyeCropOptions(128, 0.75, 10, 1.8, 0.15, 1);

  private static FaceDetector faces;
  private static IrisLandmarks iris;
  private static EyeCropper cropper;

  @BeforeAll
  static void open() {
    faces = FaceDetector.open();
    iris = IrisLandmarks.open();
    cropper = new EyeCropper(faces, new EyeLocator(iris), OPTIONS);
  }

  @AfterAll
  static void close() {
    iris.close();
    faces.close();
  }

  private static EyeCropper.Outcome crop(String photo) throws Exception {
    return cropper.crop(TestPhotos.decoded(photo), photo);
  }

  @Test
  void bothEyesOfEachPortraitAndNoneInTheCoffeeCup() throws Exception {
    for (String photo : List.of(TestPhotos.ASTRONAUT, TestPhotos.HOPPER)) {
      EyeCropper.Outcome o = crop(photo);
      assertEquals(1, o.faces(), photo);
      assertEquals(List.of(), o.skips(), photo);
      assertEquals(2, o.crops().size(), photo);
      CroppedEye right = o.crops().get(0);
      CroppedEye left = o.crops().get(1);
      assertEquals("right", right.side());
      assertEquals("left", left.side());
      // The person's right eye is on the viewer's left; both lie in the upper half of the face box.
      assertTrue(right.eye().irisX() < left.eye().irisX(), photo);
      for (CroppedEye e : o.crops()) {
        var box = e.detection();
        assertTrue(e.eye().irisX() > box.left() && e.eye().irisX() < box.right(), photo);
        assertTrue(e.eye().irisY() > box.top() && e.eye().irisY() < (box.top() + box.bottom()) / 2, photo);
        assertEquals(128 * 128 * 3, e.pixels().length);
      }
    }
    EyeCropper.Outcome coffee = crop(TestPhotos.COFFEE);
    assertEquals(0, coffee.faces());
    assertEquals(List.of(), coffee.crops());
    assertEquals(1, coffee.skips().size());
    assertEquals(SkipKind.NO_FACE, coffee.skips().get(0).kind());
  }

  /**
   * The iris network run again on each finished crop, the way it is fed on close-ups (a window of
   * MediaPipe's framing, 2.3 eye widths, centred; a left eye mirrored): the iris it finds must lie
   * near the crop's centre and the corners it finds must be level. The tolerance, 8 px of 128 (a
   * ninth of the eye's width at the default framing), leaves room for the gaze and for the iris
   * sitting a little above the line through the corners; a crop turned or shifted by a mistake in
   * the geometry misses it by far more. Each portrait is also turned by 20 degrees first, so that
   * a crop that is not levelled shows.
   */
  @Test
  void eachCropIsCentredOnItsIrisAndLevel() throws Exception {
    EyeCrop recheck = new EyeCrop(0.5, 0.5, EyeLocator.WINDOW_PER_WIDTH / OPTIONS.cropScale());
    for (String name : List.of(TestPhotos.ASTRONAUT, TestPhotos.HOPPER)) {
      for (int turn : new int[] {0, 20}) {
        RgbImages decoded = TestPhotos.decoded(name);
        RgbImages source = turn == 0 ? decoded : turned(decoded, turn, 800);
        List<CroppedEye> crops = cropper.crop(source, name).crops();
        assertEquals(2, crops.size(), name + " turned " + turn);
        for (CroppedEye e : crops) {
          RgbImages image = new RgbImages(1, 128, 128, e.pixels());
          EyeLandmarks l = iris.locate(image, recheck, e.leftEye())[0];
          double x = l.x(EyeLandmarks.IRIS_CENTER) * 128;
          double y = l.y(EyeLandmarks.IRIS_CENTER) * 128;
          String what = String.format("%s turned %d, %s eye: iris at (%.1f, %.1f)", name, turn, e.side(), x, y);
          assertEquals(64, x, 8, what);
          assertEquals(64, y, 8, what);
          double tilt = Math.toDegrees(Math.atan2(
              l.y(EyeLandmarks.INNER_CORNER) - l.y(EyeLandmarks.OUTER_CORNER),
              Math.abs(l.x(EyeLandmarks.INNER_CORNER) - l.x(EyeLandmarks.OUTER_CORNER))));
          assertEquals(0, tilt, 4, what + String.format(", corners tilted %.1f degrees", tilt));
        }
      }
    }
  }

  /** {@code photo} turned by {@code degrees} (clockwise) about its centre onto a grey {@code canvas}-pixel square. */
  private static RgbImages turned(RgbImages photo, double degrees, int canvas) {
    BufferedImage out = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.GRAY);
      g.fillRect(0, 0, canvas, canvas);
      g.translate(canvas / 2.0, canvas / 2.0);
      g.rotate(Math.toRadians(degrees));
      g.translate(-photo.width() / 2.0, -photo.height() / 2.0);
      g.drawImage(photo.toBufferedImage(0), 0, 0, null);
    } finally {
      g.dispose();
    }
    return RgbImages.of(List.of(out));
  }

  private static double meanAbsDifference(byte[] a, byte[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
    }
    return sum / a.length;
  }

  /**
   * Turned by 20 degrees, a portrait gives the same crops: the same eyes, tilted by 20 degrees more
   * in the photo and levelled back, of the same width to 8% (the iris network's answers move by a
   * few percent with the framing), and pixels that differ on average by under 16 levels, where the
   * crops of the two different people differ by more than twice that.
   */
  @Test
  void aTurnedCopyOfAPhotoGivesTheSameCrops() throws Exception {
    List<CroppedEye> astronaut = crop(TestPhotos.ASTRONAUT).crops();
    List<CroppedEye> hopper = crop(TestPhotos.HOPPER).crops();
    for (List<CroppedEye> original : List.of(astronaut, hopper)) {
      String photo = original.get(0).source();
      EyeCropper.Outcome turned = cropper.crop(turned(TestPhotos.decoded(photo), 20, 800), photo);
      assertEquals(original.size(), turned.crops().size(), photo + ": " + turned.skips());
      for (int k = 0; k < original.size(); k++) {
        CroppedEye a = original.get(k);
        CroppedEye b = turned.crops().get(k);
        String what = photo + " " + a.side();
        assertEquals(a.side(), b.side(), what);
        assertEquals(1, b.eye().width() / a.eye().width(), 0.08, what + " width");
        assertEquals(Math.toDegrees(a.eye().angle()) + 20, Math.toDegrees(b.eye().angle()), 3, what + " tilt");
        double same = meanAbsDifference(a.pixels(), b.pixels());
        assertTrue(same < 16, what + ": mean difference " + same);
      }
    }
    for (int k = 0; k < 2; k++) {
      double other = meanAbsDifference(astronaut.get(k).pixels(), hopper.get(k).pixels());
      assertTrue(other > 32, "two people's eyes differ by only " + other);
    }
  }

  /**
   * A JPEG stored lying on its side with EXIF orientation 6 ("turn 90 degrees clockwise to view"),
   * as phones write it, is read upright and gives the crops of the upright photo.
   */
  @Test
  void exifOrientationIsHonoured() throws Exception {
    RgbImages upright = TestPhotos.decoded(TestPhotos.HOPPER);
    // Stored = upright turned a quarter anticlockwise: stored pixel (x, y) = upright (w - 1 - y, x).
    int w = upright.width();
    int h = upright.height();
    BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage src = upright.toBufferedImage(0);
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < h; x++) {
        stored.setRGB(x, y, src.getRGB(w - 1 - y, x));
      }
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(stored, "jpeg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);

    RgbImages read = new PhotoReader().decode(tagged.toByteArray());
    assertEquals(w, read.width());
    assertEquals(h, read.height());
    List<CroppedEye> expected = crop(TestPhotos.HOPPER).crops();
    List<CroppedEye> got = cropper.crop(read, TestPhotos.HOPPER).crops();
    assertEquals(expected.size(), got.size());
    for (int k = 0; k < got.size(); k++) {
      assertEquals(expected.get(k).eye().irisX(), got.get(k).eye().irisX(), 2);
      assertEquals(expected.get(k).eye().irisY(), got.get(k).eye().irisY(), 2);
      assertEquals(Math.toDegrees(expected.get(k).eye().angle()), Math.toDegrees(got.get(k).eye().angle()), 3);
    }
  }
}
