package io.github.jyoutube.emulator;

/** How YouTube shows comment text. */
final class Comments {

  private Comments() {}

  /** The HTML {@code textDisplay} of a comment's original text. */
  static String html(String text) {
    return Html.escape(text).replace("\n", "<br>");
  }
}
