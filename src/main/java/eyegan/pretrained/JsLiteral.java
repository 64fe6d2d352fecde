package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Reads one JavaScript value literal, as minified bundles hold them, into a Jackson tree: JSON plus
 * unquoted keys, single-quoted strings, numbers without a leading zero ({@code .5}, {@code -.02}),
 * and the minifier's booleans {@code !0} / {@code !1}. nsfwjs ships its {@code model.json} this way,
 * inside {@code model.min.js}. Nothing is evaluated: anything that is not a literal (a call, a
 * variable) is an error naming its position.
 *
 * <p>Numbers keep their decimal text ({@link BigDecimal}), so a float32 written by the TF.js
 * converter reads back as the same float.
 */
final class JsLiteral {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final String text;
  private int pos;

  private JsLiteral(String text, int start) {
    this.text = text;
    this.pos = start;
  }

  /** The literal that starts at {@code start} of {@code text} (leading white space allowed). */
  static JsonNode parse(String text, int start) {
    JsLiteral p = new JsLiteral(text, start);
    return p.value();
  }

  /** Where the literal parsed by {@link #parse(String, int)} from {@code start} ends (exclusive). */
  static int end(String text, int start) {
    JsLiteral p = new JsLiteral(text, start);
    p.value();
    return p.pos;
  }

  private JsonNode value() {
    skipSpace();
    char c = peek();
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
      case '\'':
        return NODES.textNode(string());
      case '!':
        pos++;
        char d = peek();
        if (d == '0' || d == '1') {
          pos++;
          return NODES.booleanNode(d == '0'); // !0 is true, !1 is false
        }
        throw error("expected !0 or !1");
      default:
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
          return number();
        }
        String word = identifier();
        return switch (word) {
          case "true" -> NODES.booleanNode(true);
          case "false" -> NODES.booleanNode(false);
          case "null" -> NODES.nullNode();
          default -> throw error("not a literal: '" + word + "'");
        };
    }
  }

  private ObjectNode object() {
    ObjectNode o = NODES.objectNode();
    pos++; // {
    skipSpace();
    if (peek() == '}') {
      pos++;
      return o;
    }
    while (true) {
      skipSpace();
      char c = peek();
      String key = c == '"' || c == '\'' ? string() : identifier();
      skipSpace();
      expect(':');
      o.set(key, value());
      skipSpace();
      char next = peek();
      pos++;
      if (next == '}') {
        return o;
      }
      if (next != ',') {
        throw error("expected , or } in an object");
      }
      skipSpace();
      if (peek() == '}') { // trailing comma
        pos++;
        return o;
      }
    }
  }

  private ArrayNode array() {
    ArrayNode a = NODES.arrayNode();
    pos++; // [
    skipSpace();
    if (peek() == ']') {
      pos++;
      return a;
    }
    while (true) {
      a.add(value());
      skipSpace();
      char next = peek();
      pos++;
      if (next == ']') {
        return a;
      }
      if (next != ',') {
        throw error("expected , or ] in an array");
      }
      skipSpace();
      if (peek() == ']') {
        pos++;
        return a;
      }
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\u000B');
        case '0' -> sb.append('\0');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape");
          }
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        case 'x' -> {
          if (pos + 2 > text.length()) {
            throw error("incomplete \\x escape");
          }
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
          pos += 2;
        }
        default -> sb.append(e); // \" \' \\ \/ and JavaScript's identity escapes
      }
    }
  }

  private JsonNode number() {
    int start = pos;
    if (peek() == '-' || peek() == '+') {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      char c = text.charAt(pos);
      if ((c == '+' || c == '-') && !(text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
        break;
      }
      pos++;
    }
    String s = text.substring(start, pos);
    try {
      BigDecimal d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
      return NODES.numberNode(d);
    } catch (NumberFormatException e) {
      throw error("not a number: '" + s + "'");
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        break;
      }
      pos++;
    }
    if (start == pos) {
      throw error("unexpected '" + peek() + "'");
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at character " + pos);
  }
}
