package io.github.jyoutube.codegen;

import java.util.List;

/**
 * Writes Java source line by line with two-space indentation, close to the layout of
 * google-java-format (the project formats generated sources with Spotless afterwards, so small
 * differences are harmless).
 */
public final class JavaWriter {

  private final StringBuilder out = new StringBuilder();
  private int column;

  /** Writes one line at the current indentation; an empty string writes an empty line. */
  public JavaWriter line(String text) {
    if (!text.isEmpty()) {
      out.append(" ".repeat(column)).append(text);
    }
    out.append('\n');
    return this;
  }

  /** Writes an empty line. */
  public JavaWriter blank() {
    out.append('\n');
    return this;
  }

  /** Writes a line and indents the following lines, e.g. {@code open("if (x) {")}. */
  public JavaWriter open(String text) {
    line(text);
    column += 2;
    return this;
  }

  /** Indents the following lines by one level, e.g. after a multi-line declaration head. */
  public JavaWriter indent() {
    column += 2;
    return this;
  }

  /** Indents the following lines as a continuation line (four spaces). */
  public JavaWriter continuation() {
    column += 4;
    return this;
  }

  /** Ends a {@link #continuation()}. */
  public JavaWriter endContinuation() {
    column -= 4;
    return this;
  }

  /** Outdents and writes a line, e.g. {@code close("}")}. */
  public JavaWriter close(String text) {
    column -= 2;
    return line(text);
  }

  /** Writes a javadoc comment at the current indentation; an empty comment writes nothing. */
  public JavaWriter javadoc(Javadoc doc) {
    for (String line : doc.render(column())) {
      line(line);
    }
    return this;
  }

  /**
   * Writes {@code head(arg, arg, ...)tail} the way google-java-format breaks argument and parameter
   * lists: on one line if it fits; otherwise the arguments on one continuation line indented by
   * four more spaces if they fit; otherwise one argument per line.
   */
  public JavaWriter call(String head, List<String> args, String tail) {
    String joined = String.join(", ", args);
    String oneLine = head + "(" + joined + ")" + tail;
    if (fits(oneLine, 0)) {
      return line(oneLine);
    }
    line(head + "(");
    String continuation = "    ";
    String last = ")" + tail;
    if (fits(joined + last, continuation.length())) {
      line(continuation + joined + last);
      return this;
    }
    for (int i = 0; i < args.size(); i++) {
      line(continuation + args.get(i) + (i + 1 < args.size() ? "," : last));
    }
    return this;
  }

  /**
   * Writes {@code lhs = rhs}: on one line if it fits, otherwise broken after the {@code =} with the
   * right-hand side on a continuation line.
   */
  public JavaWriter assign(String lhs, String rhs) {
    String oneLine = lhs + " = " + rhs;
    if (fits(oneLine, 0)) {
      return line(oneLine);
    }
    line(lhs + " =");
    return line("    " + rhs);
  }

  /**
   * Writes a declaration {@code type name;}: on one line if it fits, otherwise broken after the
   * type.
   */
  public JavaWriter declare(String type, String name) {
    String oneLine = type + " " + name + ";";
    if (fits(oneLine, 0)) {
      return line(oneLine);
    }
    line(type);
    return line("    " + name + ";");
  }

  /**
   * Writes a type declaration head {@code head(components) clause} and its opening brace the way
   * google-java-format breaks it: like {@link #call}, with {@code clause} (e.g. {@code implements
   * X}) on its own continuation line if the components had to be broken or it does not fit.
   */
  public JavaWriter typeHead(String head, List<String> components, String clause) {
    String suffix = clause.isEmpty() ? " {" : " " + clause + " {";
    if (fits(head + "(" + String.join(", ", components) + ")" + suffix, 0)) {
      return line(head + "(" + String.join(", ", components) + ")" + suffix);
    }
    if (clause.isEmpty()) {
      return call(head, components, suffix);
    }
    call(head, components, "");
    return line("    " + clause + " {");
  }

  /**
   * Writes {@code lhs = head(arg, ...)tail}: on one line if it fits, otherwise with the right-hand
   * side on a continuation line, broken as {@link #call} breaks it.
   */
  public JavaWriter assign(String lhs, String head, List<String> args, String tail) {
    String oneLine = lhs + " = " + head + "(" + String.join(", ", args) + ")" + tail;
    if (fits(oneLine, 0)) {
      return line(oneLine);
    }
    line(lhs + " =");
    continuation();
    call(head, args, tail);
    return endContinuation();
  }

  /**
   * Writes {@code lhs = head(arg, ..., lastHead(lastArg, ...))tail}: like {@link #assign(String,
   * String, List, String)}, except that when the arguments go one per line, the last one, itself a
   * call, is broken as {@link #call} breaks it if it does not fit on its line.
   */
  public JavaWriter assign(
      String lhs,
      String head,
      List<String> args,
      String lastHead,
      List<String> lastArgs,
      String tail) {
    List<String> all = new java.util.ArrayList<>(args);
    all.add(lastHead + "(" + String.join(", ", lastArgs) + ")");
    String joined = String.join(", ", all);
    if (fits(lhs + " = " + head + "(" + joined + ")" + tail, 0)) {
      return line(lhs + " = " + head + "(" + joined + ")" + tail);
    }
    line(lhs + " =");
    continuation();
    if (fits(head + "(" + joined + ")" + tail, 0)) {
      line(head + "(" + joined + ")" + tail);
    } else if (fits(joined + ")" + tail, 4)) {
      line(head + "(");
      line("    " + joined + ")" + tail);
    } else {
      line(head + "(");
      continuation();
      for (String arg : args) {
        line(arg + ",");
      }
      call(lastHead, lastArgs, ")" + tail);
      endContinuation();
    }
    return endContinuation();
  }

  /** The column at which the current indentation starts. */
  public int column() {
    return column;
  }

  private boolean fits(String text, int extraIndent) {
    return column() + extraIndent + text.length() <= Javadoc.WIDTH;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
