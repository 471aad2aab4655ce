package io.github.jyoutube.emulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jyoutube.emulator.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's runnable {@link Main} in a child JVM, started with the test's class path, and the
 * raw HTTP the reliability tests speak to it.
 */
final class Child implements AutoCloseable {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LISTENING = "jyoutube emulator listening on ";

  final Process process;
  final URI base;
  final Path stderr;

  private Child(Process process, URI base, Path stderr) {
    this.process = process;
    this.base = base;
    this.stderr = stderr;
  }

  /**
   * Starts {@code java -XmxHEAP … Main --port 0 ARGS} and waits for its first line.
   *
   * @param dir the test's directory: the child's standard error goes to {@code NAME.err} there, and
   *     its temporary files (a killed child leaves them) under {@code NAME.tmp/}
   */
  static Child start(String heap, Path dir, String name, String... args) throws IOException {
    Path stderr = dir.resolve(name + ".err");
    Path tmp = Files.createDirectories(dir.resolve(name + ".tmp"));
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + heap);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-cp");
    command.add(classpath);
    command.add(Main.class.getName());
    command.add("--port");
    command.add("0");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (first == null || !first.startsWith(LISTENING)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the child did not start: " + first + "\n" + Files.readString(stderr));
    }
    // The rest of what it prints is a few lines: read it away so that the pipe never fills.
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // Nothing to keep.
                }
              } catch (IOException e) {
                // The child is gone.
              }
            },
            "child-stdout");
    drain.setDaemon(true);
    drain.start();
    return new Child(process, URI.create(first.substring(LISTENING.length()).trim()), stderr);
  }

  /** Kills the child with SIGKILL and waits for it to be gone. */
  void kill() {
    process.destroyForcibly();
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the child is gone").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The child's standard error so far. */
  String errors() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  /** An answer. */
  record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body(), e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : base.resolve(path))
        .timeout(Duration.ofSeconds(30));
  }

  static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer get(String path, String token) {
    HttpRequest.Builder request = request(path).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  Answer post(String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  Answer form(String path, String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return post(
        path,
        null,
        "application/x-www-form-urlencoded",
        form.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs in as the first account through the consent page (the child runs with {@code
   * --auto-approve}) and the code exchange; returns the access token.
   */
  String signIn(String scopes) {
    String redirect = "http://127.0.0.1/callback";
    Answer consent =
        get(
            "o/oauth2/v2/auth?response_type=code&access_type=offline&client_id="
                + URLEncoder.encode(
                    io.github.jyoutube.emulator.YouTubeEmulator.CLIENT_ID, StandardCharsets.UTF_8)
                + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&scope="
                + URLEncoder.encode(scopes, StandardCharsets.UTF_8),
            null);
    assertThat(consent.status()).as(consent.body()).isEqualTo(302);
    String location = consent.header("Location");
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    Answer token =
        form(
            "token",
            "grant_type",
            "authorization_code",
            "code",
            java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
            "redirect_uri",
            redirect,
            "client_id",
            io.github.jyoutube.emulator.YouTubeEmulator.CLIENT_ID,
            "client_secret",
            io.github.jyoutube.emulator.YouTubeEmulator.CLIENT_SECRET);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return token.json().path("access_token").asText();
  }
}
