package eyegan.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions Maven stamped into {@code eyegan/version.properties} at build time. */
public final class BuildInfo {
  private static final String RESOURCE = "/eyegan/version.properties";
  private static final String UNKNOWN = "unknown";
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** eyegan's version, e.g. {@code 0.1.0}. */
  public static String version() {
    return PROPERTIES.getProperty("version", UNKNOWN);
  }

  /** The TensorFlow Java version eyegan was built against, e.g. {@code 1.1.0}. */
  public static String tensorflowJava() {
    return PROPERTIES.getProperty("tensorflow", UNKNOWN);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // versions read as "unknown"
    }
    return p;
  }
}
