package io.github.jyoutube.emulator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the {@code ```java} blocks of a README exactly as printed, with {@code javac} against
 * the test class path, and maps the compiler's messages back to README lines.
 *
 * <p>The rule, which the READMEs follow so that a reader can paste a block:
 *
 * <ul>
 *   <li>A block that declares a top-level type (a line starting with {@code class}, {@code record},
 *       {@code interface}, {@code enum}, or one of them after {@code public}, {@code final} or
 *       {@code abstract}) is a whole source file and is compiled as it is.
 *   <li>Any other block is a fragment: its leading {@code import} lines (with the blank and comment
 *       lines among them) are the imports of a generated class, and the rest is the body of a
 *       method {@code void example(...) throws Exception} of that class. Nothing else is added: no
 *       import, no variable.
 *   <li>A line {@code // given: YouTubeClient cli, Video uploaded} in a fragment names what it
 *       takes from an earlier block, usually the client built in the README's first step: each
 *       becomes a parameter of the generated method. Its types must be imported by the block
 *       itself, as in the reader's own file. A block should need no {@code given} beyond that: it
 *       declares its own values.
 * </ul>
 */
final class ReadmeJavaBlocks {

  private static final Pattern TYPE_DECLARATION =
      Pattern.compile("^((public|final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s.*");
  private static final Pattern GIVEN = Pattern.compile("^\\s*//\\s*given:\\s*(.+)$");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?;$");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+((final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s+(\\w+)");

  private ReadmeJavaBlocks() {}

  /**
   * One {@code ```java} block.
   *
   * @param readme the README's name, relative to the repository, as messages show it
   * @param line the README line of the block's first code line (1-based)
   * @param lines the block's lines, as printed
   */
  record Block(String readme, int line, List<String> lines) {
    @Override
    public String toString() {
      return readme + ":" + line;
    }

    boolean isWholeFile() {
      return lines.stream().anyMatch(l -> TYPE_DECLARATION.matcher(l).matches());
    }
  }

  /** The {@code ```java} blocks of {@code text}, named {@code readme} in messages. */
  static List<Block> parse(String readme, String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (end == lines.size()) {
        throw new IllegalArgumentException(readme + ":" + (i + 1) + ": unterminated ```java block");
      }
      blocks.add(new Block(readme, start + 1, List.copyOf(lines.subList(start, end))));
      i = end;
    }
    return blocks;
  }

  /** The blocks of the README at {@code root.resolve(readme)}. */
  static List<Block> read(Path root, String readme) {
    try {
      return parse(readme, Files.readString(root.resolve(readme), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generated source file and, for each of its lines, the README line it came from (or 0). */
  private record Source(Block block, JavaFileObject file, int[] readmeLines) {}

  /**
   * Compiles every block, into {@code classes}.
   *
   * <p>javac stops before attribution for every file when one has a syntax error, so a first run
   * over all the blocks can hide the errors of the others: the blocks without errors are compiled
   * again without those that had some, until a run finds no new ones.
   *
   * @return for each block, in order, its problems: one entry per error or warning, {@code
   *     README.md:LINE: message} and the line, empty when the block compiles cleanly
   */
  static Map<Block, List<String>> compile(List<Block> blocks, Path classes) {
    List<Source> remaining = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      remaining.add(source(blocks.get(i), i));
    }
    Map<Block, List<String>> problems = new LinkedHashMap<>();
    for (Block block : blocks) {
      problems.put(block, new ArrayList<>());
    }
    while (!remaining.isEmpty()) {
      Map<Source, List<String>> found = run(remaining, classes);
      List<Source> failed = new ArrayList<>();
      for (Source source : remaining) {
        problems.put(source.block(), found.get(source));
        if (!found.get(source).isEmpty()) {
          failed.add(source);
        }
      }
      if (failed.isEmpty() || failed.size() == remaining.size()) {
        break;
      }
      remaining.removeAll(failed);
    }
    return problems;
  }

  /** One {@code javac} run over {@code sources}: the problems of each. */
  private static Map<Source, List<String>> run(List<Source> sources, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> options =
        List.of(
            "--release",
            "17",
            "-proc:none",
            "-Xlint:all",
            "-classpath",
            classPath,
            "-d",
            classes.toString());
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac
          .getTask(
              output,
              files,
              diagnostics,
              options,
              null,
              sources.stream().map(Source::file).toList())
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Source, List<String>> problems = new LinkedHashMap<>();
    for (Source source : sources) {
      problems.put(source, new ArrayList<>());
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      String message =
          d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
      Source source =
          sources.stream().filter(s -> s.file() == d.getSource()).findFirst().orElse(null);
      if (source == null) {
        // Not about one block (a bad option, say): every block shows it.
        problems.values().forEach(list -> list.add(message));
        continue;
      }
      problems
          .get(source)
          .add(
              where(source, d.getLineNumber())
                  + ": "
                  + message
                  + "\n    "
                  + text(source, d.getLineNumber()));
    }
    if (!output.toString().isBlank()) {
      problems.values().forEach(list -> list.add("javac: " + output.toString().strip()));
    }
    return problems;
  }

  /** The README line of generated line {@code generated}, or 0 for the code around the block. */
  private static int readmeLine(Source source, long generated) {
    return generated >= 1 && generated <= source.readmeLines().length
        ? source.readmeLines()[(int) generated - 1]
        : 0;
  }

  private static String where(Source source, long generated) {
    int line = readmeLine(source, generated);
    return source.block().readme() + ":" + (line == 0 ? source.block().line() : line);
  }

  private static String text(Source source, long generated) {
    int line = readmeLine(source, generated);
    return line == 0
        ? "(in the code generated around the block)"
        : source.block().lines().get(line - source.block().line()).strip();
  }

  /** The compilation unit of block number {@code index}. */
  private static Source source(Block block, int index) {
    List<String> code = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    String className;
    if (block.isWholeFile()) {
      className = null;
      for (int i = 0; i < block.lines().size(); i++) {
        code.add(block.lines().get(i));
        origin.add(block.line() + i);
        Matcher named = PUBLIC_TYPE.matcher(block.lines().get(i));
        if (named.find() && className == null) {
          className = named.group(4);
        }
      }
      if (className == null) {
        className = "ReadmeFile" + index;
      }
    } else {
      className = "ReadmeBlock" + index;
      int body = 0;
      while (body < block.lines().size() && isPreamble(block.lines().get(body))) {
        body++;
      }
      // The imports may end with comments that belong to the code: leave those in the body.
      while (body > 0
          && !block.lines().get(body - 1).isBlank()
          && !IMPORT.matcher(block.lines().get(body - 1).strip()).matches()) {
        body--;
      }
      code.add("package readme;");
      origin.add(0);
      for (int i = 0; i < body; i++) {
        code.add(block.lines().get(i));
        origin.add(block.line() + i);
      }
      code.add("class " + className + " {");
      origin.add(0);
      code.add("  void example(" + String.join(", ", givens(block)) + ") throws Exception {");
      origin.add(0);
      for (int i = body; i < block.lines().size(); i++) {
        code.add(block.lines().get(i));
        origin.add(block.line() + i);
      }
      code.add("  }");
      origin.add(0);
      code.add("}");
      origin.add(0);
    }
    String text = String.join("\n", code) + "\n";
    String path = block.isWholeFile() ? className : "readme/" + className;
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + path + JavaFileObject.Kind.SOURCE.extension),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }

          @Override
          public String toString() {
            return block.toString();
          }
        };
    return new Source(block, file, origin.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean isPreamble(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("//") || IMPORT.matcher(stripped).matches();
  }

  /** The parameters that the block's {@code // given:} lines declare. */
  static List<String> givens(Block block) {
    List<String> parameters = new ArrayList<>();
    for (String line : block.lines()) {
      Matcher given = GIVEN.matcher(line);
      if (!given.matches()) {
        continue;
      }
      int depth = 0;
      StringBuilder current = new StringBuilder();
      for (char c : given.group(1).toCharArray()) {
        if (c == '<') {
          depth++;
        } else if (c == '>') {
          depth--;
        }
        if (c == ',' && depth == 0) {
          parameters.add(current.toString().strip());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      if (!current.toString().isBlank()) {
        parameters.add(current.toString().strip());
      }
    }
    return parameters;
  }
}
