package eyegan.library;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where Maven is on this machine: its launcher and the repository this build resolved from. */
final class Maven {
  private Maven() {}

  /** {@code mvn} from {@code MAVEN_HOME} or the PATH, or null where there is none. */
  static Path executable() {
    String home = System.getenv("MAVEN_HOME");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn");
    }
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path mvn = Path.of(d, "mvn");
      if (Files.isExecutable(mvn)) {
        return mvn;
      }
    }
    return null;
  }

  /**
   * The local repository that {@code type}'s jar was resolved into (this build's, wherever
   * settings or {@code -Dmaven.repo.local} put it): the jar lies at
   * {@code <root>/<groupId as folders>/<artifactId>/<version>/}.
   */
  static Path repositoryOf(Class<?> type, String groupId) throws URISyntaxException {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = jar.getParent().getParent().getParent(); // <version>, <artifactId>, then the group's last folder
    for (int i = 0; i < groupId.split("\\.").length; i++) {
      root = root.getParent();
    }
    Path group = root.resolve(groupId.replace('.', File.separatorChar));
    if (!Files.isDirectory(group) || !jar.startsWith(group)) {
      throw new IllegalStateException(type + " was not loaded from a Maven repository: " + jar);
    }
    return root;
  }
}
