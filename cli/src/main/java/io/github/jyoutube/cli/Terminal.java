package io.github.jyoutube.cli;

/**
 * Makes text from a server safe to print on a terminal. A title holding {@code ESC ] 0 ; … BEL}
 * would retitle the window, {@code ESC [ 2 J} clear the screen, {@code ESC [ 31 m} colour what
 * follows, and a right-to-left override make {@code exe.txt} read as {@code txt.exe}; printed by
 * {@link #printable}, each control character shows as a visible stand-in instead.
 *
 * <p>For human-readable output only (tables, one-line messages, errors); {@code --output json}
 * prints the data exactly.
 */
final class Terminal {

  /** What a C1 control character or an invisible direction control shows as. */
  static final char REPLACEMENT = '\uFFFD';

  private Terminal() {}

  /**
   * {@code text} with every control character replaced: C0 (U+0000 to U+001F) and DEL by their
   * Unicode control pictures ({@code ESC} shows as {@code ␛}, {@code BEL} as {@code ␇}), C1 (U+0080
   * to U+009F), the bidirectional embeddings, overrides and isolates, the directional marks, and
   * the line and paragraph separators by {@code U+FFFD}. {@code null} stays {@code null}.
   */
  static String printable(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder safe = new StringBuilder(text.length()).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      safe.append(unsafe(c) ? standIn(c) : c);
    }
    return safe.toString();
  }

  /** Whether {@code c} changes what a terminal shows rather than being shown. */
  static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E') // LRE, RLE, PDF, LRO, RLO
        || (c >= '\u2066' && c <= '\u2069') // LRI, RLI, FSI, PDI
        || c == '\u200E' // LRM
        || c == '\u200F' // RLM
        || c == '\u061C' // ALM
        || c == '\u2028' // line separator
        || c == '\u2029'; // paragraph separator
  }

  private static char standIn(char c) {
    if (c < 0x20) {
      return (char) ('\u2400' + c);
    }
    if (c == 0x7F) {
      return '\u2421';
    }
    return REPLACEMENT;
  }
}
