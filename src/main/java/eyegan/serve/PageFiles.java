package eyegan.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The eye browser page, served from the jar: {@code /} (HTML), {@code /eyegan.js} and
 * {@code /eyegan.css}. The page is a plain client of the REST API, so it is also a worked example
 * of calling it from a browser.
 */
final class PageFiles {
  private static final String FOLDER = "/eyegan/serve/page/";
  private static final Map<String, String[]> FILES = Map.of(
      "/", new String[] {"index.html", "text/html; charset=utf-8"},
      "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
      "/eyegan.js", new String[] {"eyegan.js", "text/javascript; charset=utf-8"},
      "/eyegan.css", new String[] {"eyegan.css", "text/css; charset=utf-8"});

  /** A file's bytes and content type. */
  record File(byte[] bytes, String contentType) {}

  private PageFiles() {}

  /** Stands in index.html for the served model's name, which the script reads. */
  private static final String MODEL_NAME = "__MODEL_NAME__";

  /** The page file at {@code path}, or null when there is none; the page is told {@code modelName}. */
  static File get(String path, String modelName) {
    String[] f = FILES.get(path);
    if (f == null) {
      return null;
    }
    try (InputStream in = PageFiles.class.getResourceAsStream(FOLDER + f[0])) {
      if (in == null) {
        throw new IllegalStateException("page file " + f[0] + " is missing from the build");
      }
      byte[] bytes = in.readAllBytes();
      if (f[0].equals("index.html")) {
        String html = new String(bytes, StandardCharsets.UTF_8).replace(MODEL_NAME, escape(modelName));
        bytes = html.getBytes(StandardCharsets.UTF_8);
      }
      return new File(bytes, f[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
