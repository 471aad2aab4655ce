package io.github.jyoutube.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.JdbcTokenStore;
import io.github.jyoutube.testing.ChildJvm;
import io.github.jyoutube.testing.Databases;
import io.github.jyoutube.testing.Databases.Kind;
import io.github.jyoutube.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two JVMs share one account's token through the JDBC store (an H2 file opened by both, or
 * PostgreSQL), each with 8 threads calling through a view of that account while its access token
 * keeps expiring: between them they make one refresh per expiry.
 *
 * <p>The fake token endpoint rotates refresh tokens (each answer carries a new one) and counts how
 * often each was presented: a second refresh of the same expiry would present the same refresh
 * token again. Tokens live 62 s, so with the client's 60 s margin each is due for a refresh 2 s
 * after it was issued; 7 s of calls span three or four expiries. The endpoint takes 50 ms to
 * answer, which leaves both JVMs time to find the token due.
 */
@Timeout(120)
class SharedAccountRefreshTest {

  private static final String ACCOUNT = "shared@example.com";
  private static final long LIFETIME_SECONDS = 62;
  private static final long CALL_MILLIS = 7_000;
  private static final int THREADS = 8;
  private static final Pattern RESULT = Pattern.compile("calls=(\\d+) failures=(\\d+) first=(.*)");

  @TempDir Path dir;

  private final AtomicInteger issued = new AtomicInteger();
  private final Map<String, AtomicInteger> presented = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> apiCallsByToken = new ConcurrentHashMap<>();
  private final AtomicInteger rejected = new AtomicInteger();

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"H2_FILE", "POSTGRES"})
  void twoJvmsMakeOneRefreshPerExpiryBetweenThem(Kind kind) throws Exception {
    // -Djyoutube.sharedAccount.mode=no-claims runs the children with the store's refreshes
    // through AccountTokenStore.refresh's default (read again, refresh, save: no claim), to show
    // this test failing without the claims.
    Outcome outcome = run(kind, System.getProperty("jyoutube.sharedAccount.mode", "claims"));

    assertThat(outcome.failures()).as(outcome.toString()).isZero();
    assertThat(rejected).hasValue(0);
    assertThat(presented.values()).as(presented.toString()).allMatch(count -> count.get() == 1);
    assertThat(issued.get()).isBetween(2, 5); // the expiries within 7 s of calls
    assertThat(outcome.calls()).allMatch(calls -> calls > 0);
    assertThat(outcome.stored().accessToken()).isEqualTo("ya29.gen-" + issued.get());
  }

  /** What the two JVMs did. */
  record Outcome(List<Long> calls, long failures, List<String> firstFailures, AccessToken stored) {}

  private Outcome run(Kind kind, String mode) throws Exception {
    HttpServer google = startGoogle();
    String url = Databases.newDatabase(kind, dir);
    DataSource db = Databases.dataSource(url);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    List<Process> children = new ArrayList<>();
    // Held open so that this JVM hosts the H2 file for the children (AUTO_SERVER).
    Connection host = db.getConnection();
    try {
      JdbcTokenStore store = JdbcTokenStore.builder(db, new SecretKeySpec(key, "AES")).build();
      store.save(
          ACCOUNT,
          new AccessToken(
              "ya29.gen-0",
              LIFETIME_SECONDS,
              "Bearer",
              "1//gen-0",
              null,
              null,
              Instant.now().plusSeconds(LIFETIME_SECONDS)));
      String base = "http://127.0.0.1:" + google.getAddress().getPort() + "/";
      long started = System.nanoTime();
      for (int i = 0; i < 2; i++) {
        children.add(start(url, base, mode, key));
      }
      List<BufferedReader> outputs = new ArrayList<>();
      for (Process child : children) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        outputs.add(out);
      }
      for (Process child : children) {
        Writer go = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        go.write("go\n");
        go.flush();
      }
      List<Long> calls = new ArrayList<>();
      long failures = 0;
      List<String> first = new ArrayList<>();
      for (BufferedReader out : outputs) {
        String line = out.readLine();
        Matcher m = line == null ? null : RESULT.matcher(line);
        assertThat(m != null && m.matches()).as("child said: %s", line).isTrue();
        calls.add(Long.parseLong(m.group(1)));
        failures += Long.parseLong(m.group(2));
        first.add(m.group(3));
      }
      for (Process child : children) {
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      Outcome outcome = new Outcome(calls, failures, first, store.load(ACCOUNT).orElseThrow());
      System.out.printf(
          "SharedAccountRefreshTest [%s, %s]: 2 JVMs x %d threads, %d ms of calls (%d ms in"
              + " all): calls %s, failures %d (%s); refreshes %d; refresh tokens presented"
              + " %s; API calls per access token %s; 401s %d%n",
          kind,
          mode,
          THREADS,
          CALL_MILLIS,
          millis,
          calls,
          failures,
          first,
          issued.get(),
          new TreeMap<>(presented),
          new TreeMap<>(apiCallsByToken),
          rejected.get());
      return outcome;
    } finally {
      host.close();
      for (Process child : children) {
        child.destroyForcibly();
      }
      google.stop(0);
      ((ExecutorService) google.getExecutor()).shutdownNow();
    }
  }

  private Process start(String url, String base, String mode, byte[] key) throws IOException {
    Process child =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of("-Xmx128m"),
                    SharedAccountMain.class,
                    url,
                    base,
                    ACCOUNT,
                    String.valueOf(CALL_MILLIS),
                    String.valueOf(THREADS),
                    mode))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    in.write(Base64.getEncoder().encodeToString(key) + "\n");
    in.flush();
    return child;
  }

  /**
   * The token endpoint (rotating refresh tokens, 50 ms per answer) and {@code playlists.list},
   * which accepts the access tokens it issued.
   */
  private HttpServer startGoogle() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext(
        "/token",
        exchange -> {
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String refreshToken = field(form, "refresh_token");
          presented.computeIfAbsent(refreshToken, t -> new AtomicInteger()).incrementAndGet();
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          int n = issued.incrementAndGet();
          answer(exchange, 200, Fixtures.token("ya29.gen-" + n, "1//gen-" + n, LIFETIME_SECONDS));
        });
    server.createContext(
        "/youtube/v3/playlists",
        exchange -> {
          String bearer = exchange.getRequestHeaders().getFirst("Authorization");
          String token = bearer == null ? "" : bearer.replaceFirst("^Bearer ", "");
          int generation =
              token.startsWith("ya29.gen-") ? Integer.parseInt(token.substring(9)) : -1;
          if (generation < 0 || generation > issued.get()) {
            rejected.incrementAndGet();
            answer(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
            return;
          }
          apiCallsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
          answer(exchange, 200, Fixtures.PLAYLISTS);
        });
    server.start();
    return server;
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "(none)";
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
