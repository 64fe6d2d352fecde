package eyegan.eyecrop;

/** Why a photo, a face or an eye gave no crop; the summary counts each kind. */
public enum SkipKind {
  /** The file is not a usable image (the loader's reasons: not an image, truncated, too large, ...). */
  UNREADABLE("unreadable files"),
  /** The face detector found no face scoring at least {@code --min-score}. */
  NO_FACE("photos without a face"),
  /** The iris network's answer does not look like an eye where the face detector put one. */
  NOT_AN_EYE("eyes not found"),
  /** The eye is narrower than {@code --min-eye-px}. */
  TOO_SMALL("eyes too small"),
  /** The crop would reach past the photo's edge. */
  CUT_OFF("eyes cut off by the edge"),
  /** The lids are (nearly) closed. */
  CLOSED("eyes closed");

  private final String label;

  SkipKind(String label) {
    this.label = label;
  }

  /** Plural label for the summary line, e.g. {@code eyes too small}. */
  public String label() {
    return label;
  }
}
