package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code jyoutube} commands in-process, as picocli's {@code CommandLine.execute}, with
 * captured output, an empty environment and a home directory of the test's own.
 */
final class CliRunner {

  private final Path home;
  private final Map<String, String> env;
  private final List<String> prefix;

  /** The result of one command. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  /**
   * A runner whose commands all start with {@code prefix}, such as {@code --endpoint URL
   * --config-dir DIR}.
   */
  CliRunner(Path home, Map<String, String> env, String... prefix) {
    this.home = home;
    this.env = env;
    this.prefix = List.of(prefix);
  }

  CliRunner(Path home, String... prefix) {
    this(home, Map.of(), prefix);
  }

  Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  Result runWithInput(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  private Result run(InputStream in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(environment(in, out, err), all(args));
    return new Result(code, out.toString(), err.toString());
  }

  /** Starts a command in another thread; its standard input is a pipe the test writes to. */
  Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PipedOutputStream stdin = new PipedOutputStream();
    PipedInputStream in;
    try {
      in = new PipedInputStream(stdin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliEnvironment environment = environment(in, out, err);
    String[] command = all(args);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(Cli.run(environment, command));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "jyoutube-cli-under-test");
    thread.setDaemon(true);
    thread.start();
    return new Running(exit, out, err, stdin);
  }

  /** A command running in another thread. */
  static final class Running {
    private final CompletableFuture<Integer> exit;
    private final StringWriter out;
    private final StringWriter err;
    private final PipedOutputStream stdin;

    Running(
        CompletableFuture<Integer> exit,
        StringWriter out,
        StringWriter err,
        PipedOutputStream stdin) {
      this.exit = exit;
      this.out = out;
      this.err = err;
      this.stdin = stdin;
    }

    /** Waits until standard error matches {@code pattern}; returns its first group. */
    String awaitErr(Pattern pattern, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Matcher m = pattern.matcher(err.toString());
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : m.group();
        }
        if (exit.isDone()) {
          break;
        }
        Thread.sleep(20);
      }
      throw new AssertionError(
          "standard error never matched " + pattern + "; it is:\n" + err + "\nout:\n" + out);
    }

    void type(String line) {
      try {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Result await(Duration timeout) throws Exception {
      int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Result(code, out.toString(), err.toString());
    }

    String err() {
      return err.toString();
    }
  }

  private CliEnvironment environment(InputStream in, StringWriter out, StringWriter err) {
    return new CliEnvironment(
        in,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        env,
        home,
        Clock.systemDefaultZone());
  }

  private String[] all(String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  /** Asserts that every line of {@code table} has its columns start where the header's do. */
  static void assertAligned(String table, String... headers) {
    List<String> lines = table.lines().toList();
    assertThat(lines).isNotEmpty();
    String header = lines.get(0);
    assertThat(header).startsWith(headers[0]);
    int column = 0;
    for (int i = 1; i < headers.length; i++) {
      column = header.indexOf("  " + headers[i], column) + 2;
      assertThat(column).as("header %s in %s", headers[i], header).isGreaterThan(1);
      for (String line : lines.subList(1, lines.size())) {
        assertThat(line.length()).isGreaterThan(column);
        assertThat(line.charAt(column - 1))
            .as("gap before column %s in '%s'", headers[i], line)
            .isEqualTo(' ');
        assertThat(line.charAt(column)).as("column %s in '%s'", headers[i], line).isNotEqualTo(' ');
      }
    }
  }
}
