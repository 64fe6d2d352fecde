package eyegan.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which differentiable augmentations (Zhao et al. 2020, "DiffAugment") are applied to every image
 * the discriminator sees, real and generated, in both losses. Written as on the command line:
 * {@code none} or a comma-separated subset of {@code color,translation,cutout}.
 *
 * @param ops the augmentations, applied in the order color, translation, cutout
 */
public record AugmentPolicy(Set<Op> ops) {
  /** One augmentation. */
  public enum Op {
    /** Random brightness, saturation and contrast per image. */
    COLOR,
    /** Random shift by up to 1/8 of the image side per axis, zero-filled. */
    TRANSLATION,
    /**
     * The same shift with the border filled by reflecting the image (StyleGAN2-ADA's padding), so no
     * grey band enters the picture that G could learn to draw.
     */
    TRANSLATION_REFLECT,
    /** One random square of half the image side set to zero. */
    CUTOUT
  }

  /** No augmentation: the discriminator sees the images as they are. */
  public static final AugmentPolicy NONE = new AugmentPolicy(EnumSet.noneOf(Op.class));
  /** DiffAugment's policy for small data sets: all three. */
  public static final AugmentPolicy ALL = new AugmentPolicy(EnumSet.allOf(Op.class));
  /**
   * Translation and cutout: what adaptive augmentation applies when no policy is named, since a
   * real eye photo could be shifted or partly covered, while a colour shift would leak into G.
   */
  public static final AugmentPolicy GEOMETRIC = new AugmentPolicy(EnumSet.of(Op.TRANSLATION, Op.CUTOUT));

  public AugmentPolicy {
    ops = ops.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(ops);
  }

  /** True when nothing is augmented. */
  public boolean isNone() {
    return ops.isEmpty();
  }

  public boolean has(Op op) {
    return ops.contains(op);
  }

  /**
   * Parses {@code none} or a comma-separated list such as {@code color,translation,cutout} (or
   * {@code translation-reflect} in place of {@code translation}); null or blank is {@code none}
   * (runs recorded before augmentation existed).
   */
  public static AugmentPolicy parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
      return NONE;
    }
    Set<Op> ops = EnumSet.noneOf(Op.class);
    for (String part : text.split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        ops.add(Op.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown augmentation '" + part.trim()
            + "' (use none, or any of color,translation,cutout separated by commas;"
            + " translation-reflect in place of translation)");
      }
    }
    if (ops.contains(Op.TRANSLATION) && ops.contains(Op.TRANSLATION_REFLECT)) {
      throw new IllegalArgumentException("translation and translation-reflect are two ways of the same shift: name one");
    }
    return new AugmentPolicy(ops);
  }

  /** The command-line form: {@code none} or e.g. {@code color,translation,cutout}. */
  @Override
  public String toString() {
    if (ops.isEmpty()) {
      return "none";
    }
    List<String> names = new ArrayList<>();
    for (Op op : ops) {
      names.add(op.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return String.join(",", names);
  }
}
