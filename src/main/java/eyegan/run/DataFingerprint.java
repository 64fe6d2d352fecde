package eyegan.run;

import eyegan.image.RgbImages;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of a decoded training set: SHA-256 over its shape and every pixel, as 16 hex
 * digits. It changes when any image, the image count, the resolution or the way photos were fitted
 * to a square changes, and only then, so a run can tell whether it is resumed on the data it was
 * trained on.
 */
public final class DataFingerprint {
  private DataFingerprint() {}

  /** 16 lower-case hex digits. */
  public static String of(RgbImages images) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(12).putInt(images.count()).putInt(images.height()).putInt(images.width()).array());
      sha.update(images.pixels());
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
