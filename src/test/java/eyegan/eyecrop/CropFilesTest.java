package eyegan.eyecrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.pretrained.FaceDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crop names and {@code crops.csv} rows. */
class CropFilesTest {
  private static CroppedEye eye(String source, int face, boolean left) {
    FaceDetector.Face f = new FaceDetector.Face(0.9, 10, 20, 110, 120, new double[12]);
    float[] xy = new float[152];
    xy[0] = 40;
    xy[1] = 20;
    xy[16] = 10;
    xy[17] = 20;
    return new CroppedEye(source, face, left, f, EyeFit.of(xy), new EyeWindow(25, 20, 54, 0, false), new byte[0]);
  }

  @Test
  void cropsAreNamedAfterPhotoFaceAndSide() {
    CropNames names = new CropNames(List.of("portrait_017.jpg", "team/ada.png"));
    assertEquals("portrait_017-f0-left.png", names.of(eye("portrait_017.jpg", 0, true)));
    assertEquals("team/ada-f3-right.png", names.of(eye("team/ada.png", 3, false)));
  }

  @Test
  void photosThatDifferOnlyInTheirExtensionKeepIt() {
    CropNames names = new CropNames(List.of("a.jpg", "a.png", "b.v2/c", ".hidden"));
    assertEquals("a.jpg-f0-left.png", names.of(eye("a.jpg", 0, true)));
    assertEquals("a.png-f0-left.png", names.of(eye("a.png", 0, true)));
    assertEquals("b.v2/c-f0-left.png", names.of(eye("b.v2/c", 0, true)));
    assertEquals(".hidden-f0-left.png", names.of(eye(".hidden", 0, true)));
  }

  @Test
  void csvRowHasEveryColumnAndQuotesOnlyOddNames() {
    String row = CropsCsv.row("x-f0-left.png", eye("x.jpg", 0, true));
    assertEquals(CropsCsv.COLUMNS.size(), row.split(",").length);
    assertEquals("x-f0-left.png,x.jpg,0,left,0.9000,10.00,20.00,110.00,120.00,10.00,20.00,40.00,20.00", 
        String.join(",", List.of(row.split(",")).subList(0, 13)));
    assertEquals("25.00,20.00,54.00", String.join(",", List.of(row.split(",")).subList(20, 23)));
    assertEquals("\"a,b\"", CropsCsv.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CropsCsv.quote("say \"hi\""));
    assertEquals("plain.png", CropsCsv.quote("plain.png"));
  }
}
