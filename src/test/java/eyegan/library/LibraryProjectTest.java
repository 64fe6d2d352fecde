package eyegan.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eyegan.inference.EyeGenerator;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;

/**
 * Another Maven project uses eyegan as docs/library.md says: its {@code <dependency>} and its
 * program are the page's own code blocks. The project is built and run by Maven, offline, against
 * eyegan's artifact installed into a repository of its own; every other artifact and plugin comes
 * from the Maven repository this build already resolved its dependencies from, read as a {@code
 * file:} repository. Nothing is written to that repository. The program must write its grid of eyes,
 * and its resolved class path must hold eyegan and TensorFlow but none of what only the command
 * line, the server and the reports use.
 */
@Tag("slow") // a Maven build of its own (about 20 s), then a JVM that starts TensorFlow
class LibraryProjectTest {
  /** Plugin versions as in eyegan's pom.xml, so the artifact cache of eyegan's own build has them. */
  private static final String COMPILER_PLUGIN = "3.13.0";
  private static final String SUREFIRE_PLUGIN = "3.5.2";
  private static final String JUNIT = "5.14.1";
  /** Artifacts that must not reach a library user (groupId/artifactId path fragments). */
  private static final List<String> NOT_FOR_LIBRARY_USERS = List.of("/org/eclipse/jetty/", "/info/picocli/",
      "/org/jfree/", "/org/slf4j/", "/org/apache/commons/commons-imaging/", "/com/twelvemonkeys/");
  private static final Pattern FENCED = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void anotherMavenProjectBuildsAndRunsAgainstTheInstalledArtifactOffline() throws Exception {
    Path mvn = Maven.executable();
    assumeTrue(mvn != null, "mvn is not on the PATH");
    Path base = TinyModel.shared();

    Path repo = dir.resolve("repo");
    Coordinates eyegan = Coordinates.of(Path.of("pom.xml"));
    Path installed = eyegan.install(repo, classesOf(EyeGenerator.class), Path.of("pom.xml"));
    Path settings = writeSettings(repo, Maven.repositoryOf(SavedModelBundle.class, "org.tensorflow"));
    Path project = writeProject(dir.resolve("eyes-demo"), base);

    Path log = dir.resolve("maven.log");
    Process p = new ProcessBuilder(mvn.toString(), "-B", "-o", "-Daether.offline.protocols=file",
        "-s", settings.toString(), "test").directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the Maven build finishes");
    assertEquals(0, p.exitValue(), "the project's build failed:\n" + tail(log));

    BufferedImage grid = ImageIO.read(project.resolve("target/eyes.png").toFile());
    assertTrue(grid.getWidth() >= 4 * TinyModel.RESOLUTION, "a 4x4 grid of eyes");

    List<String> classPath = Arrays.asList(
        Files.readString(project.resolve("target/classpath.txt"), StandardCharsets.UTF_8).split(File.pathSeparator));
    assertTrue(classPath.contains(installed.toString()), "eyegan's jar from the project's repository: " + classPath);
    assertTrue(classPath.stream().anyMatch(e -> e.contains("/org/tensorflow/tensorflow-core-api/")), classPath.toString());
    for (String entry : classPath) {
      assertTrue(!entry.endsWith(".jar") || entry.startsWith(repo.toString()), "resolved by Maven: " + entry);
      for (String unwanted : NOT_FOR_LIBRARY_USERS) {
        assertFalse(entry.contains(unwanted), "a library user's class path holds " + entry);
      }
    }
  }

  /** The folder (or jar) that {@code type} was loaded from: target/classes in a build. */
  private static Path classesOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /**
   * Settings whose local repository is {@code repo} and whose only remote repository, for
   * dependencies and plugins alike, is {@code cache} read as a {@code file:} URL (its files carry
   * no checksums of their own, so those are not asked for).
   */
  private Path writeSettings(Path repo, Path cache) throws IOException {
    String url = cache.toUri().toString();
    String repository = """
          <id>central</id><url>%s</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        """.formatted(url);
    String xml = """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors><mirror><id>cache</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
          <profiles><profile><id>cache</id>
            <repositories><repository>%s</repository></repositories>
            <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
          </profile></profiles>
          <activeProfiles><activeProfile>cache</activeProfile></activeProfiles>
        </settings>
        """.formatted(repo, url, repository, repository);
    return Files.writeString(dir.resolve("settings.xml"), xml);
  }

  /**
   * The project: a pom with docs/library.md's {@code <dependency>}, the page's program as its main
   * code, and a JUnit test (run by Maven) that runs the program on {@code model} and records the
   * class path Maven resolved.
   */
  private static Path writeProject(Path project, Path model) throws IOException {
    String page = Files.readString(Path.of("docs", "library.md"), StandardCharsets.UTF_8);
    String dependency = block(page, "xml", "<artifactId>eyegan</artifactId>");
    String program = block(page, "java", "public class Eyes");
    String pom = """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>demo</groupId>
          <artifactId>eyes-demo</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
        %s
            <dependency>
              <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
              <version>%s</version><scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                <version>%s</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId>
                <version>%s</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(dependency, JUNIT, COMPILER_PLUGIN, SUREFIRE_PLUGIN);
    String test = """
        import java.nio.file.Files;
        import java.nio.file.Path;
        import org.junit.jupiter.api.Test;

        class EyesTest {
          @Test
          void writesEyes() throws Exception {
            Files.writeString(Path.of("target", "classpath.txt"), System.getProperty("java.class.path"));
            Eyes.main(new String[] {%s, "target/eyes.png"});
          }
        }
        """.formatted(javaString(model.toString()));
    Files.createDirectories(project.resolve("src/main/java"));
    Files.createDirectories(project.resolve("src/test/java"));
    Files.writeString(project.resolve("pom.xml"), pom);
    Files.writeString(project.resolve("src/main/java/Eyes.java"), program);
    Files.writeString(project.resolve("src/test/java/EyesTest.java"), test);
    return project;
  }

  /** The page's fenced {@code language} block that contains {@code marker}. */
  private static String block(String page, String language, String marker) {
    Matcher m = FENCED.matcher(page);
    while (m.find()) {
      if (m.group(1).equals(language) && m.group(2).contains(marker)) {
        return m.group(2);
      }
    }
    throw new AssertionError("docs/library.md has no ```" + language + " block with " + marker);
  }

  private static String javaString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** groupId, artifactId and version of a pom, and where a Maven repository keeps them. */
  record Coordinates(String groupId, String artifactId, String version) {
    private static final Pattern FIELD = Pattern.compile("<(groupId|artifactId|version)>([^<]+)</\\1>");

    /** The project's own coordinates: the first of each field, before any dependency or parent. */
    static Coordinates of(Path pom) throws IOException {
      String xml = Files.readString(pom, StandardCharsets.UTF_8);
      String head = xml.substring(0, xml.indexOf("<properties>"));
      Matcher m = FIELD.matcher(head);
      String[] values = new String[3];
      while (m.find()) {
        int k = List.of("groupId", "artifactId", "version").indexOf(m.group(1));
        if (values[k] == null) {
          values[k] = m.group(2).strip();
        }
      }
      return new Coordinates(values[0], values[1], values[2]);
    }

    /**
     * Installs a jar of {@code classes} (a folder is packed; a jar is copied) and {@code pom} into
     * {@code repo} as {@code mvn install} lays them out; returns the jar's path there.
     */
    Path install(Path repo, Path classes, Path pom) throws IOException {
      Path folder = repo.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
      Files.createDirectories(folder);
      Path jar = folder.resolve(artifactId + "-" + version + ".jar");
      if (Files.isDirectory(classes)) {
        Jars.pack(classes, jar);
      } else {
        Files.copy(classes, jar);
      }
      Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"));
      return jar;
    }
  }
}
