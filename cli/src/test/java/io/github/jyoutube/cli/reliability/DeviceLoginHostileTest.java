package io.github.jyoutube.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.cli.Cli;
import io.github.jyoutube.cli.CliEnvironment;
import io.github.jyoutube.cli.Main;
import io.github.jyoutube.testing.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth login --device --timeout S} against a device endpoint that misbehaves: a body sent a
 * byte a second, an interval of a billion seconds or of {@code Long.MAX_VALUE}, a body without end
 * in a 64 MiB heap. Each login ends by itself within the timeout (plus a little), with one clear
 * line and exit code 1.
 */
class DeviceLoginHostileTest {

  private static final int TIMEOUT = 3;

  /** What a login may take beyond its timeout before the test calls it a hang. */
  private static final long SLACK_MILLIS = 3_000;

  @TempDir Path home;
  private final HostileOAuthServer server = start();

  private static HostileOAuthServer start() {
    try {
      return new HostileOAuthServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String deviceAnswer(String interval) {
    return "{\"device_code\":\"AH-device-code-secret-Qx81\",\"user_code\":\"WXYZ-ABCD\","
        + "\"verification_url\":\""
        + server.baseUri()
        + "device\",\"expires_in\":1800,\"interval\":"
        + interval
        + "}";
  }

  /** {@code auth login --device --timeout S} against the hostile server. */
  private String[] loginArgs(int timeoutSeconds) {
    return new String[] {
      "--endpoint",
      server.baseUri().toString(),
      "--config-dir",
      home.resolve("config").toString(),
      "auth",
      "login",
      "--device",
      "--timeout",
      String.valueOf(timeoutSeconds)
    };
  }

  /** The outcome of one in-process login. */
  record Login(int exitCode, String err, long millis) {}

  private Login login(int timeoutSeconds) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of(),
            home,
            Clock.systemUTC());
    String[] args = loginArgs(timeoutSeconds);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(Cli.run(env, args));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "device-login-under-test");
    thread.setDaemon(true);
    long began = System.nanoTime();
    thread.start();
    long bound = timeoutSeconds * 1000L + SLACK_MILLIS;
    try {
      int code = exit.get(bound, TimeUnit.MILLISECONDS);
      return new Login(code, err.toString(), (System.nanoTime() - began) / 1_000_000);
    } catch (TimeoutException hang) {
      thread.interrupt();
      throw new AssertionError(
          "auth login --device --timeout "
              + timeoutSeconds
              + " still running after "
              + bound
              + " ms; standard error:\n"
              + err);
    }
  }

  private static void report(String what, Login login) {
    System.out.println(
        what
            + ": exit "
            + login.exitCode()
            + " after "
            + login.millis()
            + " ms: "
            + login.err().strip());
  }

  @Test
  void aDeviceAnswerSentAByteASecondEndsAtTheTimeout() throws Exception {
    server.on("/device/code", HostileOAuthServer.oneBytePerSecond());

    Login login = login(TIMEOUT);

    report("device/code at 1 byte/s", login);
    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(login.err()).contains("jyoutube: ");
  }

  @Test
  void aPollAnswerSentAByteASecondEndsAtTheTimeout() throws Exception {
    server
        .on("/device/code", HostileOAuthServer.json(200, deviceAnswer("1")))
        .on("/token", HostileOAuthServer.oneBytePerSecond());

    Login login = login(TIMEOUT);

    report("token poll at 1 byte/s", login);
    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(server.received()).contains("/token");
  }

  @Test
  void theTimeoutCountsFromTheStartNotFromTheDeviceAnswer() throws Exception {
    // device/code answers only after two of the three seconds; the polls then stay pending. A
    // deadline set after the device answer would end the login near five seconds.
    server
        .on(
            "/device/code",
            HostileOAuthServer.after(2_000, HostileOAuthServer.json(200, deviceAnswer("1"))))
        .on("/token", HostileOAuthServer.json(428, "{\"error\":\"authorization_pending\"}"));

    Login login = login(TIMEOUT);

    report("device/code after 2 s, then pending", login);
    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(login.err()).contains("timed out after " + TIMEOUT + " s");
    assertThat(login.millis()).isLessThan(TIMEOUT * 1000L + 1_000);
  }

  @Test
  void anIntervalOfABillionSecondsIsCappedByTheTimeout() throws Exception {
    server
        .on("/device/code", HostileOAuthServer.json(200, deviceAnswer("1000000000")))
        .on("/token", HostileOAuthServer.json(428, "{\"error\":\"authorization_pending\"}"));

    Login login = login(TIMEOUT);

    report("interval 1e9", login);
    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(login.err()).contains("timed out after " + TIMEOUT + " s");
  }

  @Test
  void anIntervalOfLongMaxValueIsCappedByTheTimeout() throws Exception {
    server
        .on("/device/code", HostileOAuthServer.json(200, deviceAnswer("9223372036854775807")))
        .on("/token", HostileOAuthServer.json(428, "{\"error\":\"authorization_pending\"}"));

    Login login = login(TIMEOUT);

    report("interval Long.MAX_VALUE", login);
    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(login.err()).contains("timed out after " + TIMEOUT + " s");
  }

  @Test
  void anEndlessBodyInA64MiBHeapIsRefusedAndTheJvmExits() throws Exception {
    server.on("/device/code", HostileOAuthServer.endless());
    Path err = home.resolve("stderr.txt");
    List<String> command = ChildJvm.command(List.of("-Xmx64m"), Main.class, loginArgs(5));
    long began = System.nanoTime();
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    boolean exited = child.waitFor(40, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - began) / 1_000_000;
    if (!exited) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    System.out.println(
        "endless device/code body, -Xmx64m: "
            + (exited ? "exit " + child.exitValue() : "still running, killed")
            + " after "
            + millis
            + " ms, server sent "
            + server.bodyBytesSent()
            + " bytes: "
            + stderr.strip());
    assertThat(exited).as("the child JVM exits by itself").isTrue();
    assertThat(child.exitValue()).isEqualTo(1);
    // JVM start-up and the refused body both fall inside the five seconds, with room to spare.
    assertThat(millis).as("milliseconds to exit").isLessThan(5_000 + SLACK_MILLIS);
    assertThat(stderr).contains("larger than").doesNotContain("OutOfMemoryError");
  }
}
