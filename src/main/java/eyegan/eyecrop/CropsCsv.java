package eyegan.eyecrop;

import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code crops.csv}: one row per crop, comma-separated, a header first. Every position
 * and length is in pixels of the source photo as a viewer shows it (EXIF orientation applied), x
 * right and y down from its top-left corner; angles in degrees, clockwise on screen.
 *
 * <ul>
 *   <li>{@code crop}: the crop's file, relative to the output folder; {@code source}: the photo,
 *       relative to the photo folder; {@code face}: the face's number in the photo (left to right);
 *       {@code eye}: {@code left} or {@code right}, the person's side
 *   <li>{@code face_score}, {@code face_left}, {@code face_top}, {@code face_right}, {@code
 *       face_bottom}: the face detector's score (0..1) and box
 *   <li>{@code corner1_x, corner1_y, corner2_x, corner2_y}: the eye's corners, the one on the
 *       photo's left first
 *   <li>{@code iris_x, iris_y, iris_radius}: the iris centre and radius
 *   <li>{@code eye_width}: corner to corner; {@code opening}: the lid opening / eye width;
 *       {@code iris_roundness}: spread of the iris boundary points around their circle (0 = round)
 *   <li>{@code rotation_deg}: the tilt of the corner line, which the crop undoes
 *   <li>{@code crop_center_x, crop_center_y, crop_side}: the crop's square in the photo before it was
 *       turned by {@code -rotation_deg} about its centre and resized
 * </ul>
 *
 * A file name that holds a comma, quote or line break is quoted as RFC 4180 says; nothing else needs it.
 */
public final class CropsCsv {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("crop", "source", "face", "eye", "face_score",
      "face_left", "face_top", "face_right", "face_bottom", "corner1_x", "corner1_y", "corner2_x", "corner2_y",
      "iris_x", "iris_y", "iris_radius", "eye_width", "opening", "iris_roundness", "rotation_deg",
      "crop_center_x", "crop_center_y", "crop_side");

  private CropsCsv() {}

  /** The header line (no line break). */
  public static String header() {
    return String.join(",", COLUMNS);
  }

  /** The row of {@code eye}, written to {@code cropFile} (no line break). */
  public static String row(String cropFile, CroppedEye eye) {
    EyeFit e = eye.eye();
    EyeWindow w = eye.window();
    var f = eye.detection();
    return String.join(",", quote(cropFile), quote(eye.source()), Integer.toString(eye.face()), eye.side(),
        String.format(Locale.ROOT, "%.4f,%.2f,%.2f,%.2f,%.2f", f.score(), f.left(), f.top(), f.right(), f.bottom()),
        String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f", e.leftX(), e.leftY(), e.rightX(), e.rightY()),
        String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%.4f,%.4f,%.3f", e.irisX(), e.irisY(), e.irisRadius(),
            e.width(), e.opening(), e.irisRoundness(), Math.toDegrees(e.angle())),
        String.format(Locale.ROOT, "%.2f,%.2f,%.2f", w.centerX(), w.centerY(), w.side()));
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
