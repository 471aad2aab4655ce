package io.github.jyoutube.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns names from the discovery document into Java names. */
public final class Naming {

  /** Names that are legal identifiers in some positions but that generated code must not use. */
  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits", "_");

  private Naming() {}

  /** Whether {@code name} can be used as a variable, method or type name as is. */
  public static boolean isUsableIdentifier(String name) {
    return SourceVersion.isIdentifier(name)
        && !SourceVersion.isKeyword(name)
        && !RESTRICTED.contains(name)
        && !name.contains("$");
  }

  /**
   * The Java member name for a JSON name: the name itself when it is a usable identifier, a keyword
   * or restricted name {@code x} becomes {@code xValue}, and anything else is camel-cased from its
   * letters and digits ({@code content-type} becomes {@code contentType}, {@code $.xgafv} becomes
   * {@code xgafv}).
   */
  public static String memberName(String jsonName) {
    if (isUsableIdentifier(jsonName)) {
      return jsonName;
    }
    if (SourceVersion.isKeyword(jsonName) || RESTRICTED.contains(jsonName)) {
      return jsonName.equals("_") ? "value" : jsonName + "Value";
    }
    List<String> words = words(jsonName);
    if (words.isEmpty()) {
      return "value";
    }
    StringBuilder out = new StringBuilder(words.get(0));
    for (int i = 1; i < words.size(); i++) {
      out.append(capitalize(words.get(i)));
    }
    String name = out.toString();
    if (Character.isDigit(name.charAt(0))) {
      name = "value" + name;
    }
    return isUsableIdentifier(name) ? name : name + "Value";
  }

  /**
   * The Java type name for a JSON name: upper camel case ({@code privacyStatus} becomes {@code
   * PrivacyStatus}, {@code content-type} becomes {@code ContentType}).
   */
  public static String typeName(String jsonName) {
    StringBuilder out = new StringBuilder();
    for (String word : words(jsonName)) {
      out.append(capitalize(word));
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, "Value");
    }
    return out.toString();
  }

  /**
   * The constant name for an enum value: upper snake case split at camel-case humps ({@code
   * mostPopular} becomes {@code MOST_POPULAR}, {@code HTTPServer} becomes {@code HTTP_SERVER},
   * {@code en-US} becomes {@code EN_US}). A value that does not start with a letter is prefixed
   * with {@code prefix} and an underscore ({@code 1080p} with prefix {@code RESOLUTION} becomes
   * {@code RESOLUTION_1080P}); an empty value becomes {@code EMPTY}.
   */
  public static String constantName(String value, String prefix) {
    List<String> parts = new ArrayList<>();
    for (String word : words(value)) {
      parts.addAll(humps(word));
    }
    if (parts.isEmpty()) {
      return "EMPTY";
    }
    String name = String.join("_", parts).toUpperCase(Locale.ROOT);
    if (!Character.isLetter(name.charAt(0))) {
      name = prefix + "_" + name;
    }
    return name;
  }

  /** Upper snake case of a camel-case type name: {@code FrameRate} becomes {@code FRAME_RATE}. */
  public static String upperSnake(String camel) {
    return String.join("_", humps(camel)).toUpperCase(Locale.ROOT);
  }

  /** A Java string literal for {@code s}, with quotes. */
  public static String stringLiteral(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Upper-cases the first character. */
  public static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The runs of ASCII letters and digits in {@code s}, other characters being separators. */
  private static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Splits one word at camel-case humps: before an upper-case letter that follows a lower-case
   * letter or digit, and before the last upper-case letter of an upper-case run followed by a
   * lower-case letter. Digits stay with what precedes them.
   */
  private static List<String> humps(String word) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < word.length(); i++) {
      char prev = word.charAt(i - 1);
      char c = word.charAt(i);
      boolean boundary =
          Character.isUpperCase(c)
              && (Character.isLowerCase(prev)
                  || Character.isDigit(prev)
                  || (Character.isUpperCase(prev)
                      && i + 1 < word.length()
                      && Character.isLowerCase(word.charAt(i + 1))));
      if (boundary) {
        out.add(word.substring(start, i));
        start = i;
      }
    }
    out.add(word.substring(start));
    return out;
  }
}
