package io.github.jyoutube.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the descriptions of a discovery document for javadoc: Markdown emphasis around a name
 * becomes a code span ({@code *part*} becomes {@code `part`}), other emphasis is dropped, Google's
 * internal remarks ("for Stubby or Apiary") are removed, and {@link #summary} keeps the first
 * sentence or so.
 *
 * <p>The result is still plain text: pass it through {@link Javadoc#escape} or {@link
 * Javadoc#text}.
 */
final class Descriptions {

  /** Emphasis: {@code **x**}, {@code *x*} or {@code __x__}. */
  private static final Pattern EMPHASIS =
      Pattern.compile("\\*\\*([^*]+?)\\*\\*|\\*([^*\\s][^*]*?)\\*|__([^_\\s][^_]*?)__");

  /** What emphasis may hold to be shown as code: a name, a dotted path or {@code name=value}. */
  private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*(=[\\w.,]+)?");

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");

  /** Remarks about Google's internal systems, meaningless to a caller. */
  private static final List<String> NOISE =
      List.of(
          ", required for One Platform",
          " for Stubby or Apiary",
          " for One Platform",
          " from One Platform");

  /** Words ending in a period that do not end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of("e.g.", "i.e.", "ie.", "eg.", "etc.", "vs.", "U.S.", "Inc.", "approx.", "No.");

  /** A first sentence shorter than this is followed by the next one in a summary. */
  private static final int SHORT_SENTENCE = 60;

  private Descriptions() {}

  /** The description cleaned up, or null for a null or blank description. */
  static String clean(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String text = description.strip().replaceAll("\\s+", " ");
    for (String noise : NOISE) {
      text = text.replace(noise, "");
    }
    text = cleanCodeSpans(text);
    text = cleanEmphasis(text);
    return text.strip();
  }

  /**
   * The first sentence of the cleaned description, with the next one when the first is short or
   * only a note ("Note: This parameter is intended exclusively for YouTube content partners."), and
   * always ending in a period; null for a null or blank description.
   */
  static String summary(String description) {
    String text = clean(description);
    if (text == null) {
      return null;
    }
    List<String> sentences = sentences(text);
    StringBuilder out = new StringBuilder(sentences.get(0));
    for (int i = 1; i < sentences.size() && i < 3 && needsMore(sentences.get(i - 1)); i++) {
      out.append(' ').append(sentences.get(i));
    }
    return withPeriod(out.toString());
  }

  /** {@code text} ending in a period, question mark or exclamation mark. */
  static String withPeriod(String text) {
    char last = text.charAt(text.length() - 1);
    return last == '.' || last == '!' || last == '?' ? text : text + ".";
  }

  /** The text with a lower-case first letter, unless it starts with an acronym or a code span. */
  static String lowerFirst(String text) {
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && !Character.isUpperCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }

  private static boolean needsMore(String sentence) {
    return sentence.length() < SHORT_SENTENCE
        || sentence.startsWith("Note:")
        || sentence.startsWith("This parameter can only be used")
        || sentence.startsWith("Required.")
        || sentence.startsWith("Optional.");
  }

  /** Splits at a period, question or exclamation mark followed by a space and a capital. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '?' || c == '!')
          && text.charAt(i + 1) == ' '
          && startsSentence(text.charAt(i + 2))
          && !abbreviation(text, i)) {
        out.add(text.substring(start, i + 1).strip());
        start = i + 2;
      }
    }
    out.add(text.substring(start).strip());
    out.removeIf(String::isEmpty);
    if (out.isEmpty()) {
      out.add(text);
    }
    return out;
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || c == '`' || c == '(' || c == '"' || Character.isDigit(c);
  }

  private static boolean abbreviation(String text, int period) {
    int wordStart = text.lastIndexOf(' ', period) + 1;
    String word = text.substring(wordStart, period + 1);
    if (word.startsWith("(")) {
      word = word.substring(1);
    }
    return ABBREVIATIONS.contains(word);
  }

  /** Drops emphasis inside code spans: {@code `**part**`} becomes {@code `part`}. */
  private static String cleanCodeSpans(String text) {
    Matcher code = CODE_SPAN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (code.find()) {
      String inner = code.group(1).replace("**", "");
      if (inner.startsWith("__") && inner.endsWith("__") && inner.length() > 4) {
        inner = inner.substring(2, inner.length() - 2);
      }
      code.appendReplacement(out, Matcher.quoteReplacement("`" + inner + "`"));
    }
    code.appendTail(out);
    return out.toString();
  }

  /** Emphasis outside code spans becomes a code span around a name, or plain text otherwise. */
  private static String cleanEmphasis(String text) {
    StringBuilder out = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(text);
    int last = 0;
    while (code.find()) {
      out.append(cleanEmphasisOutsideCode(text.substring(last, code.start())));
      out.append(code.group());
      last = code.end();
    }
    out.append(cleanEmphasisOutsideCode(text.substring(last)));
    return out.toString();
  }

  private static String cleanEmphasisOutsideCode(String text) {
    Matcher emphasis = EMPHASIS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (emphasis.find()) {
      String inner =
          emphasis.group(1) != null
              ? emphasis.group(1)
              : emphasis.group(2) != null ? emphasis.group(2) : emphasis.group(3);
      inner = inner.strip();
      String replacement = CODE_LIKE.matcher(inner).matches() ? "`" + inner + "`" : inner;
      emphasis.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    emphasis.appendTail(out);
    return out.toString();
  }
}
