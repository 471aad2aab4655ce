package io.github.jyoutube.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the command reads and writes besides its arguments: standard input, output and error, the
 * environment variables, the home directory and the clock. {@link #system()} is the real one; tests
 * pass their own.
 *
 * @param in standard input, read by {@code auth login --manual}
 * @param out standard output: results (tables, JSON)
 * @param err standard error: prompts, progress, notes and errors
 * @param env the environment variables
 * @param home the user's home directory, for {@code ~/.config}
 * @param clock the clock, for expiry times and the quota reset
 */
public record CliEnvironment(
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path home,
    Clock clock) {

  /**
   * Checks and copies the parts.
   *
   * @param in the value for the {@code in} record component
   * @param out the value for the {@code out} record component
   * @param err the value for the {@code err} record component
   * @param env the value for the {@code env} record component
   * @param home the value for the {@code home} record component
   * @param clock the value for the {@code clock} record component
   */
  public CliEnvironment {
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(err, "err == null");
    env = Map.copyOf(env);
    Objects.requireNonNull(home, "home == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  /** {@return the process's own streams, environment, home directory and clock} */
  public static CliEnvironment system() {
    Charset charset = consoleCharset();
    return new CliEnvironment(
        System.in,
        new PrintWriter(new OutputStreamWriter(System.out, charset), true),
        new PrintWriter(new OutputStreamWriter(System.err, charset), true),
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Clock.systemDefaultZone());
  }

  /**
   * A copy with other environment variables.
   *
   * @param variables the environment variables of the copy
   * @return a copy with other environment variables
   */
  public CliEnvironment withEnv(Map<String, String> variables) {
    return new CliEnvironment(in, out, err, variables, home, clock);
  }

  /** An environment variable, or {@code null} when unset or empty. */
  String variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static Charset consoleCharset() {
    String encoding = System.getProperty("stdout.encoding");
    if (encoding == null) {
      encoding = System.getProperty("sun.stdout.encoding");
    }
    try {
      return encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }
}
