package eyegan.eyecrop;

import eyegan.pretrained.FaceDetector;

/**
 * One eye crop and where it came from.
 *
 * @param source the photo, relative to the photo folder, {@code /}-separated
 * @param face index of the face in its photo, faces numbered left to right from 0
 * @param leftEye the person's left eye (on the viewer's right); false for the right eye
 * @param detection the face as the detector found it, photo pixels
 * @param eye the eye as the iris network found it, photo pixels
 * @param window the crop's square in the photo (centred on the eye, turned level with its corners)
 * @param pixels the crop, {@code resolution x resolution} packed RGB bytes, rows top to bottom
 */
public record CroppedEye(String source, int face, boolean leftEye, FaceDetector.Face detection, EyeFit eye,
    EyeWindow window, byte[] pixels) {
  /** {@code left} or {@code right}: the person's side. */
  public String side() {
    return leftEye ? "left" : "right";
  }
}
