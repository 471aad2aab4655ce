package io.github.jyoutube.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A javadoc comment under construction: paragraphs of HTML and {@code @param} tags, rendered in the
 * layout google-java-format produces.
 *
 * <p>Text from the discovery document goes through {@link #escape}, which makes it safe for javadoc
 * and {@code javac -Xdoclint}; text the generator writes itself is added as is.
 */
public final class Javadoc {

  /** The column limit of google-java-format. */
  static final int WIDTH = 100;

  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

  private final List<String> paragraphs = new ArrayList<>();
  private final List<String[]> params = new ArrayList<>();

  /** Appends a paragraph of javadoc HTML; blank text is ignored. */
  public Javadoc paragraph(String html) {
    if (html != null && !html.isBlank()) {
      paragraphs.add(html.strip());
    }
    return this;
  }

  /** Appends a paragraph of plain text from the discovery document, escaped. */
  public Javadoc text(String plain) {
    if (plain != null) {
      for (String paragraph : plain.split("\\n\\s*\\n")) {
        paragraph(escape(paragraph));
      }
    }
    return this;
  }

  /** Appends an {@code @param} tag with javadoc HTML. */
  public Javadoc param(String name, String html) {
    params.add(new String[] {"@param " + name, html.strip()});
    return this;
  }

  /** Appends an {@code @return} tag with javadoc HTML. */
  public Javadoc returns(String html) {
    params.add(new String[] {"@return", html.strip()});
    return this;
  }

  /** Appends an {@code @throws} tag for {@code type} with javadoc HTML. */
  public Javadoc throwsClause(String type, String html) {
    params.add(new String[] {"@throws " + type, html.strip()});
    return this;
  }

  /** Whether nothing has been added. */
  public boolean isEmpty() {
    return paragraphs.isEmpty() && params.isEmpty();
  }

  /**
   * Renders the comment for code starting at column {@code indent}, without indentation, one string
   * per line.
   */
  public List<String> render(int indent) {
    List<String> lines = new ArrayList<>();
    if (isEmpty()) {
      return lines;
    }
    if (params.isEmpty() && paragraphs.size() == 1) {
      String single = "/** " + normalize(paragraphs.get(0)) + " */";
      if (indent + single.length() <= WIDTH) {
        lines.add(single);
        return lines;
      }
    }
    int width = WIDTH - indent - 3;
    lines.add("/**");
    for (int i = 0; i < paragraphs.size(); i++) {
      if (i > 0) {
        lines.add(" *");
      }
      String text = (i > 0 ? "<p>" : "") + normalize(paragraphs.get(i));
      for (String line : wrap(text, width, width)) {
        lines.add(" * " + line);
      }
    }
    if (!params.isEmpty()) {
      if (!paragraphs.isEmpty()) {
        lines.add(" *");
      }
      for (String[] param : params) {
        String text = param[0] + " " + normalize(param[1]);
        List<String> wrapped = wrap(text, width, width - 4);
        for (int i = 0; i < wrapped.size(); i++) {
          lines.add((i == 0 ? " * " : " *     ") + wrapped.get(i));
        }
      }
    }
    lines.add(" */");
    return lines;
  }

  /**
   * Escapes plain text for javadoc: {@code `code`} spans become {@code {@code code}}, Markdown
   * links become {@code <a href>} links, and {@code & < > @ \} and comment ends are replaced by
   * entities.
   */
  public static String escape(String plain) {
    StringBuilder out = new StringBuilder();
    Matcher link = MARKDOWN_LINK.matcher(plain);
    int last = 0;
    while (link.find()) {
      out.append(escapeWithCode(plain.substring(last, link.start())));
      out.append("<a href=\"")
          .append(link.group(2).replace("&", "&amp;").replace("\"", "%22"))
          .append("\">")
          .append(escapeWithCode(link.group(1)))
          .append("</a>");
      last = link.end();
    }
    out.append(escapeWithCode(plain.substring(last)));
    return out.toString();
  }

  /** Renders {@code text} as inline code: {@code {@code text}}, or escaped {@code <code>}. */
  public static String code(String text) {
    if (text.isEmpty()
        || text.contains("{")
        || text.contains("}")
        || text.contains("@")
        || text.contains("\\")
        || text.contains("*/")
        || text.contains("\n")
        || !text.strip().equals(text)) {
      return "<code>" + escapeHtml(text) + "</code>";
    }
    return "{@code " + text + "}";
  }

  private static String escapeWithCode(String plain) {
    StringBuilder out = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(plain);
    int last = 0;
    while (code.find()) {
      out.append(escapeHtml(plain.substring(last, code.start())));
      out.append(code(code.group(1)));
      last = code.end();
    }
    out.append(escapeHtml(plain.substring(last)));
    return out.toString();
  }

  private static String escapeHtml(String plain) {
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && plain.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String normalize(String html) {
    return html.strip().replaceAll("\\s+", " ");
  }

  /** Greedy word wrap at spaces, as google-java-format wraps javadoc. */
  private static List<String> wrap(String text, int firstWidth, int nextWidth) {
    List<String> words = List.of(text.split(" "));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int width = firstWidth;
    for (String w : words) {
      if (line.length() > 0 && line.length() + 1 + w.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        width = nextWidth;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
