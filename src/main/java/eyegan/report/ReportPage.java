package eyegan.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The run folder's {@code index.html}: the pictures and numbers of one run on one static page. */
final class ReportPage {
  private static final String STYLE =
      "body{font-family:sans-serif;max-width:1240px;margin:2em auto;padding:0 1em;color:#222}"
          + "img{max-width:100%;image-rendering:auto;border:1px solid #ccc}"
          + "figure{margin:0 0 1.5em}figcaption{color:#555;font-size:.9em}"
          + ".pair{display:flex;gap:1.5em;flex-wrap:wrap}.pair figure{flex:1 1 400px}"
          + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}"
          + "td.v{font-family:monospace}.note{color:#a40}";

  /** What the page shows; absent parts are left out of the page. */
  record Content(
      String runName,
      Optional<String> gif,
      int gifFrames,
      Optional<GridFrame> latest,
      Optional<String> reals,
      Optional<String> curves,
      Optional<TrainingStats> stats,
      Optional<JsonNode> options,
      List<String> problems) {}

  private ReportPage() {}

  static String html(Content c) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>eyegan run ")
        .append(esc(c.runName()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n<h1>eyegan run ")
        .append(esc(c.runName()))
        .append("</h1>\n");
    c.stats().map(ReportPage::summary).filter(s -> !s.isEmpty()).ifPresent(s -> h.append("<p>").append(esc(s)).append("</p>\n"));

    h.append("<div class=\"pair\">\n");
    c.gif().ifPresent(g -> figure(h, g, "Fixed-seed samples across training, " + c.gifFrames() + " frames"));
    c.latest().ifPresent(f -> figure(h, f.file().getFileName().toString(), "Latest samples (" + f.label() + ")"));
    h.append("</div>\n");
    c.reals().ifPresent(r -> figure(h, r, "Training images"));
    c.curves().ifPresent(p -> figure(h, p, "Losses, D outputs and SWD over training"));
    if (c.gif().isEmpty() && c.latest().isEmpty()) {
      h.append("<p class=\"note\">No sample grids (fakes_init.png, fakesNNNNNN.png) in this run yet.</p>\n");
    }
    if (c.curves().isEmpty()) {
      h.append("<p class=\"note\">No curves: ").append(StatsFile.FILE_NAME).append(" is missing or has no usable lines.</p>\n");
    }
    c.options().ifPresent(o -> options(h, o));
    if (!c.problems().isEmpty()) {
      h.append("<h2>Notes</h2>\n<ul>\n");
      for (String p : c.problems()) {
        h.append("<li class=\"note\">").append(esc(p)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String summary(TrainingStats s) {
    StringBuilder sb = new StringBuilder();
    if (!s.ticks().isEmpty()) {
      TrainingTick t = s.ticks().get(s.ticks().size() - 1);
      sb.append(String.format(Locale.ROOT, "Epoch %d, step %d", t.epoch(), t.step()));
      if (Double.isFinite(t.elapsedSeconds())) {
        sb.append(String.format(Locale.ROOT, ", %.1f minutes", t.elapsedSeconds() / 60));
      }
      if (Double.isFinite(t.imagesPerSecond())) {
        sb.append(String.format(Locale.ROOT, ", %.1f images/s", t.imagesPerSecond()));
      }
      sb.append(". ");
    }
    if (!s.swd().isEmpty()) {
      SwdPoint last = s.swd().get(s.swd().size() - 1);
      sb.append(String.format(Locale.ROOT, "Latest SWD x1e3: %.2f (epoch %d)", last.averageX1e3(), last.epoch()));
      if (Double.isFinite(last.floorX1e3())) {
        sb.append(String.format(Locale.ROOT, ", real-vs-real floor %.2f", last.floorX1e3()));
      }
      sb.append('.');
    }
    return sb.toString().trim();
  }

  private static void figure(StringBuilder h, String file, String caption) {
    h.append("<figure><a href=\"")
        .append(esc(file))
        .append("\"><img src=\"")
        .append(esc(file))
        .append("\" alt=\"")
        .append(esc(caption))
        .append("\"></a><figcaption>")
        .append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  private static void options(StringBuilder h, JsonNode o) {
    h.append("<h2>Training options</h2>\n<table>\n<tr><th>option</th><th>value</th></tr>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String text = v.isValueNode() ? v.asText() : v.toString();
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"v\">").append(esc(text)).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** The file name of {@code p}, the form every link on the page uses (all files sit beside the page). */
  static String name(Path p) {
    return p.getFileName().toString();
  }
}
