package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root script {@code ./jyoutube}, run as a user would, with the jar the package phase just
 * built ({@code JYOUTUBE_SKIP_BUILD=1}: it never starts a build of its own here).
 */
class RootScriptIT {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path SCRIPT = ROOT.resolve("jyoutube");

  @TempDir Path home;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(ROOT.resolve("cli/target/jyoutube-cli.jar")), "no jar built");
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().put("JYOUTUBE_SKIP_BUILD", "1");
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("XDG_CONFIG_HOME");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./jyoutube " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theScriptIsExecutableAndStrict() throws IOException {
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
    assertThat(Files.readString(SCRIPT))
        .startsWith("#!/usr/bin/env bash")
        .contains("set -euo pipefail");
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run help = run("--help");
    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: jyoutube", "auth", "playlists", "demo");
    assertThat(help.err()).doesNotContain("building jyoutube");
  }

  @Test
  void demoRunsOffline() throws Exception {
    Run demo = run("demo");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("1. The authorization URL", "2. Consent", "3. The token", "4. My playlists")
        .contains("5. An upload", "Favourites", "Done.");
    assertThat(demo.err()).contains("100%");
  }

  @Test
  void errorsExitNonZeroWithOneLine() throws Exception {
    Run run = run("playlists", "list", "--mine");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE); // not signed in: the setup is missing
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("jyoutube: not signed in. Hint: run `jyoutube auth login --client-secrets");
  }
}
