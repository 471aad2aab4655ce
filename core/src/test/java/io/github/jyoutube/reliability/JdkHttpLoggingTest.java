package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.testing.ChildJvm;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's HTTP client logs what it sends when a system property asks it to. A child JVM ({@link
 * JdkLoggingMain}) is started with one of those properties and makes a call with an access token
 * and one with an API key; its whole output (stdout and stderr, where the JDK's logging goes) is
 * then read.
 *
 * <p>No credential travels in a URL, so the levels that print URLs ({@code requests}, the internal
 * debug logger) print none. The {@code headers} level prints request headers, the {@code
 * Authorization} header included: the client cannot stop the JDK doing so, and warns when it is
 * built, naming the property and no secret.
 */
class JdkHttpLoggingTest {

  private static final String LOG_PROPERTY = "jdk.httpclient.HttpClient.log";

  private final FaultyServer server =
      FaultyServer.always(
          FaultyServer.json(200, "{\"kind\":\"youtube#playlistListResponse\",\"items\":[]}"));

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        LOG_PROPERTY + "=requests",
        LOG_PROPERTY + "=headers",
        LOG_PROPERTY + "=all",
        "jdk.internal.httpclient.debug=true"
      })
  @Timeout(60)
  void theJdksHttpLoggingPrintsNoCredentialInAUrlAndTheClientWarnsOfHeaderLogging(String property)
      throws Exception {
    List<String> output = run(property);

    assertThat(output).as("the child finished").contains("done");
    List<String> secrets = List.of(JdkLoggingMain.TOKEN, JdkLoggingMain.API_KEY);
    List<String> warnings =
        output.stream()
            .filter(line -> line.contains("WARNING") && line.contains(LOG_PROPERTY))
            .toList();
    if (property.startsWith(LOG_PROPERTY)) {
      assertThat(warnings).as("the client's warning, naming the property").hasSize(1);
      assertThat(warnings.get(0)).contains("Authorization");
    } else {
      assertThat(warnings).isEmpty();
    }
    assertThat(warnings).noneMatch(line -> secrets.stream().anyMatch(line::contains));
    if (!property.endsWith("=headers") && !property.endsWith("=all")) {
      // These levels print URLs and statuses, never headers: no secret may appear.
      assertThat(output)
          .as("lines showing a secret")
          .noneMatch(line -> secrets.stream().anyMatch(line::contains));
    } else {
      // The API key, in a header now, is printed by the header level like the token; but never in
      // a URL, which the other levels print too.
      assertThat(output)
          .as("URLs showing the API key")
          .noneMatch(line -> line.contains("key=" + JdkLoggingMain.API_KEY));
    }
  }

  private List<String> run(String property) throws Exception {
    Process child =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of("-Xmx64m", "-D" + property),
                    JdkLoggingMain.class,
                    server.baseUri().toString()))
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> text =
        CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
    try {
      assertThat(child.waitFor(50, TimeUnit.SECONDS)).as("the child ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    return new ArrayList<>(text.get(10, TimeUnit.SECONDS).lines().toList());
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
