package io.github.jyoutube.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavadocTest {

  @Test
  void escapesWhatJavadocAndJavacWouldMisread() {
    assertThat(Javadoc.escape("a */ b @mutable <iframe> & c \\u0041"))
        .isEqualTo("a *&#47; b &#64;mutable &lt;iframe&gt; &amp; c &#92;u0041");
  }

  @Test
  void turnsCodeSpansAndMarkdownLinksIntoJavadoc() {
    assertThat(Javadoc.escape("The `snippet.type` is `upload`."))
        .isEqualTo("The {@code snippet.type} is {@code upload}.");
    assertThat(Javadoc.escape("odd `{x}` and `a@b`"))
        .isEqualTo("odd <code>{x}</code> and <code>a&#64;b</code>");
    assertThat(Javadoc.escape("A [`Duration`](https://example.com/d?a=1&b=2) object."))
        .isEqualTo("A <a href=\"https://example.com/d?a=1&amp;b=2\">{@code Duration}</a> object.");
  }

  @Test
  void rendersOnOneLineWhenItFits() {
    assertThat(new Javadoc().text("Short.").render(2)).containsExactly("/** Short. */");
  }

  @Test
  void wrapsParagraphsAndParams() {
    String words = "word ".repeat(30).strip();
    List<String> lines = new Javadoc().text(words + "\n\nSecond.").param("x", words).render(0);

    assertThat(lines.get(0)).isEqualTo("/**");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(lines).contains(" *", " * <p>Second.", " */");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" * @param x word word"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" *     word"));
  }

  @Test
  void emptyJavadocRendersNothing() {
    assertThat(new Javadoc().text(null).paragraph("  ").render(0)).isEmpty();
  }
}
