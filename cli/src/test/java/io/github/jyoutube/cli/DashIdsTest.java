package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ids that begin with {@code -}, as one YouTube id in 64 does, given to the CLI like any other: as
 * an option's value and as a positional parameter. The emulator derives its volume videos' ids from
 * the channel id, so this channel's 17th video is always {@code -hRTBcylkfO}, whose {@code -h}
 * picocli alone took for the help option.
 */
class DashIdsTest {

  private static final String CHANNEL = "UCdashIdsChannel00000269";
  private static final String DASH_ID = "-hRTBcylkfO";

  static YouTubeEmulator emulator;

  @TempDir Path home;
  CliRunner cli;

  @BeforeAll
  static void start() {
    emulator = YouTubeEmulator.builder().port(0).start();
    emulator.addChannel(CHANNEL, "Dashes", "@dashes");
    List<String> ids =
        emulator.addVideos(
            CHANNEL, "Dash", 17, Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO);
    assertThat(ids.get(16)).as("the emulator's derived id").isEqualTo(DASH_ID);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void signIn() {
    cli = ApiCommandsTest.signedIn(emulator, home, Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL);
  }

  @Test
  void anOptionTakesADashIdAsItsValue() {
    CliRunner.Result listed = cli.run("videos", "list", "--id", DASH_ID, "--output", "json");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(ids(listed)).containsExactly(DASH_ID);

    CliRunner.Result comments = cli.run("comments", "list", "--video", DASH_ID);
    assertThat(comments.exitCode()).as(comments.toString()).isZero();
    assertThat(comments.out()).doesNotContain("Usage:");
  }

  @Test
  void aListOptionTakesDashIdsAmongOthersSpacedOrCommaSeparated() {
    CliRunner.Result spaced =
        cli.run("videos", "list", "--id", "aliceVid001", DASH_ID, "--output", "json");
    assertThat(spaced.exitCode()).as(spaced.toString()).isZero();
    assertThat(ids(spaced)).containsExactlyInAnyOrder("aliceVid001", DASH_ID);

    CliRunner.Result commas =
        cli.run("videos", "list", "--output", "json", "--id", DASH_ID + ",aliceVid001");
    assertThat(commas.exitCode()).as(commas.toString()).isZero();
    assertThat(ids(commas)).containsExactlyInAnyOrder("aliceVid001", DASH_ID);
  }

  @Test
  void aPositionalParameterTakesADashIdWhereverItStands() {
    CliRunner.Result first =
        cli.run("videos", "wait", DASH_ID, "--processed", "--timeout", "5", "--poll-seconds", "1");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).startsWith("Video " + DASH_ID + " is processed");

    CliRunner.Result last = cli.run("videos", "wait", "--processed", DASH_ID);
    assertThat(last.exitCode()).as(last.toString()).isZero();
    assertThat(last.out()).startsWith("Video " + DASH_ID + " is processed");

    CliRunner.Result endOfOptions = cli.run("videos", "wait", "--processed", "--", DASH_ID);
    assertThat(endOfOptions.exitCode()).as(endOfOptions.toString()).isZero();
  }

  @Test
  void mistakesAreStillUsageErrors() {
    CliRunner.Result missingValue = cli.run("videos", "list", "--id", "--output", "json");
    assertThat(missingValue.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingValue.err()).contains("Expected parameter for option '--id'");

    CliRunner.Result typo = cli.run("videos", "wait", DASH_ID, "--processed", "--timout", "5");
    assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err()).contains("'--timout'");

    CliRunner.Result subcommand = cli.run("--account", "videos", "list", "--id", DASH_ID);
    assertThat(subcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(subcommand.err()).contains("Expected parameter for option '--account'");

    CliRunner.Result stray = cli.run("videos", "list", "--id", DASH_ID, "--otput", "json");
    assertThat(stray.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(stray.err()).contains("--otput");
  }

  @Test
  void theRewriteMovesDashIdsBehindTheEndOfOptionsAndLeavesTheRestAlone() {
    CommandSpec wait = spec("videos", "wait");
    assertThat(DashValues.rewrite(List.of(DASH_ID, "--processed", "--timeout", "-5"), wait))
        .containsExactly("--processed", "--timeout", "-5", "--", DASH_ID);
    assertThat(DashValues.rewrite(List.of("--processed", "--", DASH_ID), wait))
        .containsExactly("--processed", "--", DASH_ID);
    assertThat(DashValues.rewrite(List.of("abcdefghijk", "--processed"), wait))
        .containsExactly("abcdefghijk", "--processed");

    CommandSpec download = spec("captions", "download");
    assertThat(DashValues.rewrite(List.of("-oTrackFile01", DASH_ID), download))
        .containsExactly("-oTrackFile01", "--", DASH_ID);

    CommandSpec list = spec("videos", "list");
    assertThat(DashValues.rewrite(List.of("--id", "a", DASH_ID, "--max", "3"), list))
        .containsExactly("--id", "a", DASH_ID, "--max", "3");
  }

  @Test
  void everyOptionThatTakesAnyNumberOfValuesStopsAtTheNextOption() {
    // picocli, told to take option values as they are, would let such an option swallow the
    // options after it; DashValues as its consumer stops at them.
    List<String> greedy = new ArrayList<>();
    walk(Cli.commandLine(environment()), greedy);
    assertThat(greedy).isEmpty();
  }

  private static void walk(picocli.CommandLine cmd, List<String> greedy) {
    for (var option : cmd.getCommandSpec().options()) {
      if (option.arity().isVariable()
          && option.arity().min() >= 1
          && !(option.parameterConsumer() instanceof DashValues && option.type() == List.class)) {
        greedy.add(cmd.getCommandSpec().qualifiedName() + " " + option.longestName());
      }
    }
    cmd.getSubcommands().values().forEach(sub -> walk(sub, greedy));
  }

  private static List<String> ids(CliRunner.Result listed) {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JsonTrees.tree(listed.out()).path("items")) {
      ids.add(item.path("id").asText());
    }
    return ids;
  }

  private CliEnvironment environment() {
    return new CliEnvironment(
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        Map.of(),
        home,
        Clock.systemUTC());
  }

  private CommandSpec spec(String... path) {
    var cmd = Cli.commandLine(environment());
    for (String name : path) {
      cmd = cmd.getSubcommands().get(name);
    }
    return cmd.getCommandSpec();
  }
}
