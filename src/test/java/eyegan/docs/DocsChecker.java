package eyegan.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Checks that what eyegan's Markdown pages point at exists: relative links (files, folders and
 * {@code #anchors} of Markdown headings) and the eyegan commands and {@code --flags} they write.
 *
 * <p><b>Links.</b> Every {@code [text](target)} and {@code ![alt](target)} in running text whose
 * target has no scheme ({@code https:}, {@code mailto:}, ...) must name an existing file or folder,
 * relative to the page; a {@code #anchor} must be a heading of the target page (or of the page
 * itself), spelt as GitHub spells heading anchors.
 *
 * <p><b>Commands and flags.</b> Only long flags ({@code --name}) are checked; short ones ({@code
 * mvn -B}, {@code curl -X}) are left alone. Shell code (code blocks and {@code `code spans`}) is
 * read word by word, and every word that starts a program decides whose the flags after it are:
 * <ul>
 *   <li>{@code eyegan}, {@code java -jar .../eyegan.jar}, the main class {@code
 *       eyegan.cli.EyeganCommand}, the value of Maven's {@code -Dexec.args=...}, or a code piece
 *       that begins with a subcommand's name ({@code `train --epochs 68`}): the next word must be
 *       an eyegan subcommand (a word ending in {@code :} is program output, not a command; a
 *       placeholder like {@code <command>} stands for any), and each flag after it must be one of
 *       that subcommand's options, hidden and inherited ones included;
 *   <li>a shell script ({@code regenerate.sh}, any path), or another program named in {@link
 *       #OTHER_TOOLS} ({@code mvn}, {@code curl}, {@code
 *       tensorboard}, ...): its flags are its own and are not checked;
 *   <li>before any program word, and in running text: the flag must be an option of some eyegan
 *       command, unless it is one of the few flags of other tools that the pages name on their own
 *       ({@link #OTHER_TOOLS_FLAGS}).
 * </ul>
 * The options come from the picocli model of {@link eyegan.cli.EyeganCommand}, not from help text.
 */
final class DocsChecker {
  /** Programs other than eyegan whose flags the pages may show. */
  static final Set<String> OTHER_TOOLS = Set.of("mvn", "curl", "tensorboard", "tensorflow_model_server",
      "docker", "python3", "saved_model_cli", "taskset", "nvidia-smi", "java", "javac", "git", "bash", "pip");
  /** Flags of other tools that the pages name without their program, and whose they are. */
  static final Map<String, String> OTHER_TOOLS_FLAGS = Map.of(
      "--enable_batching", "tensorflow_model_server", "--model_base_path", "tensorflow_model_server");

  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  private static final Pattern PROSE_FLAG = Pattern.compile("(?<![\\w-])--[a-zA-Z][\\w-]*");
  private static final Pattern FLAG = Pattern.compile("^--[a-zA-Z][\\w-]*");
  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern EXEC_ARGS = Pattern.compile("-Dexec\\.args=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Set<String> SEPARATORS = Set.of("|", "||", "&&", ";", "(", ")", "$(");
  private static final String ROOT = "";
  private static final String ANY = "*";

  /** Options per subcommand name; {@link #ROOT} for the root command. */
  private final Map<String, Set<String>> options;
  private final Set<String> allOptions = new TreeSet<>();

  DocsChecker(CommandLine cli) {
    options = new HashMap<>();
    options.put(ROOT, cli.getCommandSpec().optionsMap().keySet());
    for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
      options.put(sub.getKey(), sub.getValue().getCommandSpec().optionsMap().keySet());
    }
    options.values().forEach(allOptions::addAll);
  }

  /** Subcommand names of the CLI. */
  Set<String> commands() {
    Set<String> names = new TreeSet<>(options.keySet());
    names.remove(ROOT);
    return names;
  }

  /** Problems with the page {@code file}, one line each naming the file and line. */
  List<String> check(Path file) throws IOException {
    return check(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Problems with {@code page}, read as the contents of {@code file} (links resolve from its folder). */
  List<String> check(Path file, String page) throws IOException {
    Markdown md = Markdown.parse(page);
    List<String> problems = new ArrayList<>();
    for (Markdown.Piece p : md.prose) {
      Matcher m = LINK.matcher(p.text());
      while (m.find()) {
        String problem = checkLink(file, md, m.group(1));
        if (problem != null) {
          problems.add(file + ":" + p.line() + ": " + problem);
        }
      }
      Matcher f = PROSE_FLAG.matcher(p.text());
      while (f.find()) {
        checkLoneFlag(f.group()).forEach(x -> problems.add(file + ":" + p.line() + ": " + x));
      }
    }
    for (Markdown.Piece p : md.code) {
      checkShell(p.text(), true).forEach(x -> problems.add(file + ":" + p.line() + ": `" + p.text() + "`: " + x));
    }
    return problems;
  }

  private static String checkLink(Path file, Markdown page, String target) throws IOException {
    if (SCHEME.matcher(target).matches() || target.startsWith("//")) {
      return null; // a web address: not this repository's business
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
    if (!path.isEmpty() && !Files.exists(resolved)) {
      return "link to " + target + ": " + resolved + " does not exist";
    }
    if (anchor == null || anchor.isEmpty()) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return "link to " + target + ": anchors are only checked in Markdown pages";
    }
    Markdown other = path.isEmpty() ? page : Markdown.parse(Files.readString(resolved, StandardCharsets.UTF_8));
    return other.anchors().contains(anchor) ? null
        : "link to " + target + ": no heading with anchor #" + anchor + " in " + resolved.getFileName()
            + " (anchors: " + other.anchors() + ")";
  }

  private List<String> checkLoneFlag(String flag) {
    String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
    if (allOptions.contains(name) || OTHER_TOOLS_FLAGS.containsKey(name)) {
      return List.of();
    }
    return List.of(name + " is no option of any eyegan command");
  }

  /**
   * Problems in one piece of shell code. {@code firstWordMayBeCommand}: a code piece may begin
   * with a subcommand's name alone ({@code `train --epochs 68`}); the arguments of {@code
   * -Dexec.args} always do.
   */
  List<String> checkShell(String text, boolean firstWordMayBeCommand) {
    List<String> problems = new ArrayList<>();
    String code = stripComment(text);
    Matcher exec = EXEC_ARGS.matcher(code);
    while (exec.find()) {
      String args = exec.group(1) != null ? exec.group(1) : exec.group(2) != null ? exec.group(2) : exec.group(3);
      problems.addAll(checkEyeganArgs(args.strip().split("\\s+"), 0));
    }
    code = EXEC_ARGS.matcher(code).replaceAll(" ");
    String[] words = code.strip().split("\\s+");
    String owner = null; // null: no program yet; "": another tool; else an eyegan subcommand or ANY
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty()) {
        continue;
      }
      if (SEPARATORS.contains(w)) {
        owner = null;
        continue;
      }
      if (isEyegan(words, i)) {
        int next = w.equals("-jar") ? i + 2 : i + 1;
        int end = segmentEnd(words, next);
        problems.addAll(checkEyeganArgs(java.util.Arrays.copyOfRange(words, next, end), 0));
        i = end - 1;
        owner = "";
        continue;
      }
      if (i == 0 && firstWordMayBeCommand && options.containsKey(w) && !w.equals(ROOT)) {
        int end = segmentEnd(words, 0);
        problems.addAll(checkEyeganArgs(java.util.Arrays.copyOfRange(words, 0, end), 0));
        i = end - 1;
        owner = "";
        continue;
      }
      String program = w.substring(w.lastIndexOf('/') + 1);
      if (OTHER_TOOLS.contains(program) || program.endsWith(".sh")) { // mvn, /usr/bin/mvn, a script of the project
        owner = "";
        continue;
      }
      if (owner == null && FLAG.matcher(w).find()) {
        checkLoneFlag(FLAG.matcher(w).results().findFirst().orElseThrow().group()).forEach(problems::add);
      }
    }
    return problems;
  }

  /** Whether word i starts an eyegan command line: {@code eyegan}, the jar or the main class. */
  private static boolean isEyegan(String[] words, int i) {
    String w = words[i];
    if (w.equals("eyegan") || w.equals("eyegan.cli.EyeganCommand")) {
      return true;
    }
    return w.equals("-jar") && i + 1 < words.length && words[i + 1].endsWith("eyegan.jar");
  }

  private static int segmentEnd(String[] words, int from) {
    int end = from;
    while (end < words.length && !SEPARATORS.contains(words[end])) {
      end++;
    }
    return end;
  }

  /** {@code args} as given to eyegan: [command] [options and values...]. */
  private List<String> checkEyeganArgs(String[] args, int from) {
    List<String> problems = new ArrayList<>();
    String command = ROOT;
    int i = from;
    if (i < args.length && !args[i].startsWith("-")) {
      String w = args[i];
      if (w.endsWith(":") || w.endsWith(",")) {
        return problems; // "eyegan serve: listening on ...": program output, not a command line
      }
      if (COMMAND_WORD.matcher(w).matches()) {
        if (!options.containsKey(w) || w.equals(ROOT)) {
          problems.add("eyegan has no command '" + w + "' (commands: " + commands() + ")");
          return problems;
        }
        command = w;
      } else {
        command = ANY; // a placeholder such as <command>
      }
      i++;
    }
    for (; i < args.length; i++) {
      Matcher f = FLAG.matcher(args[i]);
      if (!f.find()) {
        continue;
      }
      String flag = f.group();
      boolean known = command.equals(ANY) ? allOptions.contains(flag) : options.get(command).contains(flag);
      if (!known) {
        problems.add((command.equals(ROOT) ? "eyegan" : "eyegan " + command) + " has no option " + flag);
      }
    }
    return problems;
  }

  /** Drops a shell comment: {@code #} at the start or after a space. */
  private static String stripComment(String code) {
    Matcher m = Pattern.compile("(^|\\s)#").matcher(code);
    return m.find() ? code.substring(0, m.start()) : code;
  }
}
