package io.github.jyoutube.emulator;

/** Small helpers for the emulator's HTML pages. */
final class Html {

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A whole page: no scripts, no external resources. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;}"
        + "label{display:block;margin:.4em 0;}button{margin:.5em .5em 0 0;padding:.4em 1.2em;}"
        + "</style>\n</head>\n<body>\n"
        + body
        + "\n</body>\n</html>\n";
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\""
        + escape(name)
        + "\" value=\""
        + escape(value)
        + "\">\n";
  }
}
