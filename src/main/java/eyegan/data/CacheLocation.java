package eyegan.data;

import java.nio.file.Path;

/**
 * Where decoded datasets are cached when no directory is given: {@code $EYEGAN_CACHE_DIR} if set,
 * else {@code $XDG_CACHE_HOME/eyegan}, else {@code ~/.cache/eyegan}. Never inside the data folder,
 * which eyegan does not modify.
 */
public final class CacheLocation {
  /** Environment variable that overrides the cache directory. */
  public static final String ENV_CACHE_DIR = "EYEGAN_CACHE_DIR";

  private CacheLocation() {}

  public static Path defaultDirectory() {
    String explicit = System.getenv(ENV_CACHE_DIR);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "eyegan");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "eyegan");
  }
}
