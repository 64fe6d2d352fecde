package eyegan.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown page into the pieces the documentation checks look at: running text (where
 * links live), shell code (indented or fenced code blocks without a language, and {@code `code
 * spans`}) and headings. Code blocks in another language (java, python, xml, json) are neither.
 */
final class Markdown {
  /** Fenced blocks in these languages hold no shell commands and no links. */
  private static final Set<String> SHELL_FENCES = Set.of("", "sh", "bash", "shell", "console", "text");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([\\w-]*).*");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)([^`][\\s\\S]*?)\\1");

  /** A piece of a page and the line (1-based) it starts on. */
  record Piece(int line, String text) {}

  final List<Piece> prose = new ArrayList<>();
  final List<Piece> code = new ArrayList<>();
  final List<String> headings = new ArrayList<>();

  private Markdown() {}

  static Markdown parse(String page) {
    Markdown md = new Markdown();
    String[] lines = page.split("\n", -1);
    String fence = null;
    boolean shellFence = false;
    boolean previousBlankOrCode = true;
    List<String> paragraph = new ArrayList<>();
    int paragraphStart = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (fence == null && f.matches()) {
        md.addProse(paragraphStart, paragraph);
        fence = f.group(1);
        shellFence = SHELL_FENCES.contains(f.group(2).toLowerCase(Locale.ROOT));
        continue;
      }
      if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        } else if (shellFence) {
          i = md.addCodeLine(lines, i, line.strip());
        }
        continue;
      }
      boolean indentedCode = (line.startsWith("    ") || line.startsWith("\t")) && previousBlankOrCode
          && !line.isBlank();
      if (indentedCode) {
        md.addProse(paragraphStart, paragraph);
        i = md.addCodeLine(lines, i, line.strip());
        previousBlankOrCode = true;
        continue;
      }
      previousBlankOrCode = line.isBlank();
      Matcher h = HEADING.matcher(line);
      if (line.isBlank() || h.matches()) {
        md.addProse(paragraphStart, paragraph);
      }
      if (h.matches()) {
        md.headings.add(h.group(1));
      }
      if (!line.isBlank()) {
        if (paragraph.isEmpty()) {
          paragraphStart = i + 1;
        }
        paragraph.add(line);
      }
    }
    md.addProse(paragraphStart, paragraph);
    return md;
  }

  /** Adds a shell line, joined with its {@code \} continuation lines; returns the last line used. */
  private int addCodeLine(String[] lines, int i, String first) {
    int start = i;
    StringBuilder text = new StringBuilder();
    String current = first;
    while (current.endsWith("\\") && i + 1 < lines.length) {
      text.append(current, 0, current.length() - 1).append(' ');
      current = lines[++i].strip();
    }
    text.append(current);
    code.add(new Piece(start + 1, text.toString()));
    return i;
  }

  /**
   * A paragraph of running text goes to prose, line by line, with its code spans cut out; the
   * spans (which may run over a line break) go to code. Empties {@code lines}.
   */
  private void addProse(int firstLine, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    String text = String.join("\n", lines);
    lines.clear();
    Matcher m = CODE_SPAN.matcher(text);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      // the span's line breaks stay, so the text after it keeps its line numbers
      rest.append(text, last, m.start()).append(' ').append("\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
      int line = firstLine + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      code.add(new Piece(line, m.group(2).replace('\n', ' ').strip()));
      last = m.end();
    }
    rest.append(text.substring(last));
    String[] proseLines = rest.toString().split("\n", -1);
    for (int k = 0; k < proseLines.length; k++) {
      prose.add(new Piece(firstLine + k, proseLines[k]));
    }
  }

  /**
   * GitHub's anchor for a heading: lower case, inline code marks and punctuation dropped (letters,
   * digits, spaces, {@code -} and {@code _} kept), spaces turned into {@code -}.
   */
  static String anchor(String heading) {
    StringBuilder a = new StringBuilder();
    for (char ch : heading.strip().toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_') {
        a.append(ch);
      } else if (ch == ' ') {
        a.append('-');
      }
    }
    return a.toString();
  }

  /** The anchors of every heading of this page; a repeated heading gets -1, -2, ... as on GitHub. */
  List<String> anchors() {
    List<String> out = new ArrayList<>();
    for (String h : headings) {
      String base = anchor(h);
      String a = base;
      for (int n = 1; out.contains(a); n++) {
        a = base + "-" + n;
      }
      out.add(a);
    }
    return out;
  }
}
