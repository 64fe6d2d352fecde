package eyegan.eyecrop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names crops after their photos: {@code portraits/ada.jpg}, face 0, left eye becomes {@code
 * portraits/ada-f0-left.png} (subfolders are kept, so the training loader, which reads folders
 * recursively, finds them). Two photos whose names differ only in the extension ({@code a.jpg},
 * {@code a.png}) keep it ({@code a.jpg-f0-left.png}), so no crop overwrites another.
 */
final class CropNames {
  private final Map<String, String> stems = new HashMap<>();

  /** @param sources every photo of the run, relative, {@code /}-separated */
  CropNames(List<String> sources) {
    Map<String, Integer> uses = new HashMap<>();
    for (String s : sources) {
      uses.merge(withoutExtension(s), 1, Integer::sum);
    }
    for (String s : sources) {
      String stem = withoutExtension(s);
      stems.put(s, uses.get(stem) > 1 ? s : stem);
    }
  }

  /** The crop file of {@code eye}, relative to the output folder, {@code /}-separated. */
  String of(CroppedEye eye) {
    String stem = stems.get(eye.source());
    if (stem == null) {
      throw new IllegalArgumentException("not a photo of this run: " + eye.source());
    }
    return stem + "-f" + eye.face() + "-" + eye.side() + ".png";
  }

  static String withoutExtension(String relative) {
    int slash = relative.lastIndexOf('/');
    int dot = relative.lastIndexOf('.');
    return dot > slash + 1 ? relative.substring(0, dot) : relative;
  }
}
