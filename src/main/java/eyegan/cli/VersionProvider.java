package eyegan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into {@code eyegan/version.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/eyegan/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "eyegan " + p.getProperty("version", "unknown"),
      "TensorFlow Java " + p.getProperty("tensorflow", "unknown") + " (TensorFlow 2.18 runtime)"
    };
  }
}
