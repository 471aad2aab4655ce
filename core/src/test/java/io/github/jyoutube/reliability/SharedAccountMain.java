package io.github.jyoutube.reliability;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AccountTokenStore;
import io.github.jyoutube.auth.JdbcTokenStore;
import io.github.jyoutube.testing.Databases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;

/**
 * Run in a child JVM by {@link SharedAccountRefreshTest}: one client over the shared JDBC token
 * store, a view of one account, and threads that call through it until the time is up. Reads the
 * store's key from its standard input (never its command line), says {@code ready}, waits for a
 * line, then calls; prints {@code calls=N failures=F first=...}.
 *
 * <p>Arguments: JDBC URL, base URI of the fake Google, account, milliseconds, threads, and {@code
 * claims} (the JDBC store as it is) or {@code no-claims} (its refreshes through {@link
 * AccountTokenStore#refresh}'s default: read again, then refresh, no claim), to show what the
 * claims are for.
 */
public final class SharedAccountMain {

  private SharedAccountMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    URI base = URI.create(args[1]);
    String account = args[2];
    long millis = Long.parseLong(args[3]);
    int threads = Integer.parseInt(args[4]);
    boolean claims = args[5].equals("claims");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(in.readLine()), "AES");
    JdbcTokenStore jdbc = JdbcTokenStore.builder(Databases.dataSource(url), key).build();
    AccountTokenStore store = claims ? jdbc : withoutClaims(jdbc);

    try (YouTubeClient cli =
        YouTubeClient.builder()
            .clientId("client-id")
            .clientSecret("s3cret")
            .endpoints(Endpoints.at(base))
            .accountTokenStore(store)
            .maxRetries(0)
            .build()) {
      YouTubeClient view = cli.forAccount(account);
      System.out.println("ready");
      System.out.flush();
      in.readLine();

      AtomicLong calls = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      AtomicReference<String> first = new AtomicReference<>("none");
      long end = System.nanoTime() + millis * 1_000_000;
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    try {
                      view.playlists().list().mine(true).execute();
                      calls.incrementAndGet();
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                      first.compareAndSet("none", e.toString().replace('\n', ' '));
                    }
                  }
                });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      System.out.println("calls=" + calls + " failures=" + failures + " first=" + first);
      System.out.flush();
    }
  }

  /** The JDBC store with the default refresh of {@link AccountTokenStore}: no claim. */
  private static AccountTokenStore withoutClaims(JdbcTokenStore jdbc) {
    return new AccountTokenStore() {
      @Override
      public Optional<AccessToken> load(String account) {
        return jdbc.load(account);
      }

      @Override
      public void save(String account, AccessToken token) {
        jdbc.save(account, token);
      }

      @Override
      public void delete(String account) {
        jdbc.delete(account);
      }

      @Override
      public List<String> accounts() {
        return jdbc.accounts();
      }
    };
  }
}
