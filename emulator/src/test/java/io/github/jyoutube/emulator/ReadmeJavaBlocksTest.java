package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.jyoutube.emulator.ReadmeJavaBlocks.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the READMEs compiles exactly as printed, imports included, by the
 * rule of {@link ReadmeJavaBlocks}: a reader can paste a block into a method that {@code throws
 * Exception}. The blocks are compiled, not run (they would call Google); {@code ReadmeChatBotTest}
 * runs the chat bot's lines against this emulator, {@code ReadmeExamplesTest} and {@code
 * ReadmePushExampleTest} (core) run others against a fake.
 *
 * <p>This module's test class path has everything the blocks use: the core, live chat, the emulator
 * and, for this test only, the observability module.
 */
class ReadmeJavaBlocksTest {

  /** The repository's README and each module's, relative to the repository. */
  static List<String> readmes(Path root) throws IOException {
    List<String> readmes = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> modules = Files.list(root)) {
      modules
          .filter(dir -> Files.isRegularFile(dir.resolve("README.md")))
          .map(dir -> dir.getFileName() + "/README.md")
          .sorted()
          .forEach(readmes::add);
    }
    return readmes;
  }

  static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root, above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAsPrinted(@TempDir Path classes) throws IOException {
    Path root = repository();
    List<Block> blocks = new ArrayList<>();
    long fences = 0;
    List<String> readmes = readmes(root);
    assertThat(readmes)
        .contains(
            "README.md", "livechat/README.md", "observability/README.md", "emulator/README.md");
    for (String readme : readmes) {
      blocks.addAll(ReadmeJavaBlocks.read(root, readme));
      fences +=
          Files.readString(root.resolve(readme), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> line.strip().equals("```java"))
              .count();
    }
    assertThat(blocks).as("every ```java fence is a block").hasSize((int) fences);
    assertThat(blocks).as("the READMEs have Java blocks to check").hasSizeGreaterThan(20);

    Map<Block, List<String>> problems = ReadmeJavaBlocks.compile(blocks, classes);
    return blocks.stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    block.toString(),
                    () -> {
                      List<String> found = problems.get(block);
                      if (!found.isEmpty()) {
                        fail(
                            "the ```java block at "
                                + block
                                + " does not compile as printed:\n"
                                + String.join("\n", found));
                      }
                    }));
  }

  /**
   * The README says that {@code ReadmeChatBotTest} runs its chat bot's lines against the emulator:
   * they are the same lines, but for the video id and what is done with the totals.
   */
  @Test
  void theChatBotThatReadmeChatBotTestRunsIsTheReadmes() throws IOException {
    Path root = repository();
    Block readme =
        ReadmeJavaBlocks.read(root, "README.md").stream()
            .filter(b -> b.lines().stream().anyMatch(l -> l.contains("LiveChat.connect")))
            .findFirst()
            .orElseThrow();
    String test =
        Files.readString(
            root.resolve(
                "emulator/src/test/java/io/github/jyoutube/emulator/livechat/ReadmeChatBotTest.java"),
            StandardCharsets.UTF_8);
    assertThat(code(test.lines().toList(), "return superChats;").replace("videoId", "\"VIDEO_ID\""))
        .isEqualTo(code(readme.lines(), "System.out.println(\"Super Chats: \""));
  }

  /**
   * The lines from the declaration of {@code superChats} up to {@code end}, without indentation.
   */
  private static String code(List<String> lines, String end) {
    StringBuilder code = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.startsWith("Map<String, BigDecimal> superChats")) {
        in = true;
      }
      if (in && stripped.startsWith(end)) {
        return code.toString();
      }
      if (in) {
        code.append(stripped).append('\n');
      }
    }
    throw new AssertionError("no chat bot ending with " + end);
  }

  @Test
  void aBlockThatDoesNotCompileIsReportedWithItsReadmeLineAndTheCompilersMessage(
      @TempDir Path classes) {
    String readme =
        """
        # Example

        ```java
        import java.util.List;

        // given: List<String> names
        System.out.println(names.size());
        ```

        Text.

        ```java
        import java.util.List;

        List<String> names = List.of("a");
        System.out.println(names.sise());
        ```

        ```java
        public record Pair(String left, String right) {}
        ```
        """;
    List<Block> blocks = ReadmeJavaBlocks.parse("docs/EXAMPLE.md", readme);
    assertThat(blocks)
        .extracting(Block::toString)
        .containsExactly("docs/EXAMPLE.md:4", "docs/EXAMPLE.md:13", "docs/EXAMPLE.md:20");
    assertThat(ReadmeJavaBlocks.givens(blocks.get(0))).containsExactly("List<String> names");

    Map<Block, List<String>> problems = ReadmeJavaBlocks.compile(blocks, classes);

    assertThat(problems.get(blocks.get(0))).isEmpty();
    assertThat(problems.get(blocks.get(2))).isEmpty();
    assertThat(problems.get(blocks.get(1)))
        .singleElement()
        .asString()
        .startsWith("docs/EXAMPLE.md:16: error: cannot find symbol")
        .contains("method sise()")
        .endsWith("System.out.println(names.sise());");
  }
}
