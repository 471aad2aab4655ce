package io.github.jyoutube.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.TokenStoreException;
import io.github.jyoutube.testing.Databases;
import io.github.jyoutube.testing.Databases.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC token store on H2 (in memory, in a file) and on PostgreSQL: tokens per account,
 * encrypted at rest, damaged or foreign rows reported as such without a secret, and one refresh
 * among the processes (here: store instances) that share the table.
 */
@Timeout(60)
class JdbcTokenStoreTest {

  private static final SecretKey KEY = key(1);
  private static final SecretKey OTHER_KEY = key(2);
  private static final String SECRET_ACCESS = "ya29.a-very-secret-access-token";
  private static final String SECRET_REFRESH = "1//a-very-secret-refresh-token";

  @TempDir Path dir;

  private static SecretKey key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static AccessToken token(String access, String refresh) {
    return new AccessToken(
        access, 3600L, "Bearer", refresh, "scope", null, Instant.parse("2026-12-05T12:00:00Z"));
  }

  private DataSource database(Kind kind) {
    return Databases.dataSource(Databases.newDatabase(kind, dir));
  }

  private static JdbcTokenStore store(DataSource db, SecretKey key) {
    return JdbcTokenStore.builder(db, key).build();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void keepsATokenPerAccount(Kind kind) {
    JdbcTokenStore store = store(database(kind), KEY);
    assertThat(store.accounts()).isEmpty();
    assertThat(store.load("alice")).isEmpty();

    store.save("bob@example.com", token("ya29.bob", "1//bob"));
    store.save("alice", token(SECRET_ACCESS, SECRET_REFRESH));
    store.save("alice", token("ya29.alice-2", SECRET_REFRESH)); // replaces

    assertThat(store.accounts()).containsExactly("alice", "bob@example.com");
    assertThat(store.load("alice")).contains(token("ya29.alice-2", SECRET_REFRESH));
    assertThat(store.load("bob@example.com")).contains(token("ya29.bob", "1//bob"));
    store.delete("alice");
    store.delete("nobody"); // nothing to delete: no error
    assertThat(store.load("alice")).isEmpty();
    assertThat(store.accounts()).containsExactly("bob@example.com");
    assertThat(store.entry("bob@example.com").load()).contains(token("ya29.bob", "1//bob"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void tokensAreEncryptedAtRestWithAFreshNoncePerWrite(Kind kind) throws Exception {
    DataSource db = database(kind);
    JdbcTokenStore store = store(db, KEY);
    store.save("alice", token(SECRET_ACCESS, SECRET_REFRESH));
    String first = sealed(db, "alice");
    store.save("alice", token(SECRET_ACCESS, SECRET_REFRESH));
    String second = sealed(db, "alice");

    for (String row : new String[] {first, second}) {
      String decoded = new String(Base64.getDecoder().decode(row), StandardCharsets.ISO_8859_1);
      assertThat(row + decoded).doesNotContain(SECRET_ACCESS, SECRET_REFRESH, "ya29", "1//");
    }
    assertThat(second).isNotEqualTo(first); // a random nonce per write
    byte[] a = Base64.getDecoder().decode(first);
    byte[] b = Base64.getDecoder().decode(second);
    assertThat(java.util.Arrays.copyOfRange(a, 9, 21))
        .isNotEqualTo(java.util.Arrays.copyOfRange(b, 9, 21));
    assertThat(store.toString()).doesNotContain(hex(KEY.getEncoded())).contains("key id");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aTokenSealedWithAnotherKeyIsReportedAsSuch(Kind kind) {
    DataSource db = database(kind);
    store(db, KEY).save("alice", token(SECRET_ACCESS, SECRET_REFRESH));

    JdbcTokenStore other = store(db, OTHER_KEY);
    assertThatThrownBy(() -> other.load("alice"))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TokenStoreException.Kind.WRONG_KEY);
              assertThat(e.account()).contains("alice");
              assertThat(e.getMessage())
                  .contains("alice", "another key")
                  .doesNotContain(SECRET_ACCESS, SECRET_REFRESH, hex(KEY.getEncoded()));
            });
    assertThat(other.accounts()).containsExactly("alice"); // the rest of the table still reads
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void damagedRowsAreReportedAsCorruptedNeverQuoted(Kind kind) throws Exception {
    DataSource db = database(kind);
    JdbcTokenStore store = store(db, KEY);
    store.save("alice", token(SECRET_ACCESS, SECRET_REFRESH));
    String good = sealed(db, "alice");
    byte[] bytes = Base64.getDecoder().decode(good);
    byte[] flipped = bytes.clone();
    flipped[flipped.length - 20] ^= 1;
    String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 30));

    String[][] cases = {
      {Base64.getEncoder().encodeToString(flipped), "fails authentication"},
      {
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1)),
        "fails authentication"
      },
      {truncated, "truncated: 30 bytes"},
      {"", "truncated: 0 bytes"},
      {"not base64 at all!", "not base64"},
      {"Ag" + good.substring(2), "format byte"},
    };
    for (String[] c : cases) {
      setSealed(db, "alice", c[0]);
      assertThatThrownBy(() -> store.load("alice"))
          .as(c[1])
          .isInstanceOfSatisfying(
              TokenStoreException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(TokenStoreException.Kind.CORRUPTED);
                assertThat(e.getMessage())
                    .contains("account alice", c[1])
                    .doesNotContain(SECRET_ACCESS, SECRET_REFRESH, c[0].isEmpty() ? "\0" : c[0]);
              });
    }

    // Alice's sealed token copied into Mallory's row: the account is part of what is sealed.
    setSealed(db, "alice", good);
    store.save("mallory", token("ya29.mallory", null));
    setSealed(db, "mallory", good);
    assertThatThrownBy(() -> store.load("mallory"))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TokenStoreException.Kind.CORRUPTED);
              assertThat(e.getMessage()).contains("another account");
            });
    assertThat(store.load("alice")).contains(token(SECRET_ACCESS, SECRET_REFRESH));
  }

  @Test
  void aFileDatabaseKeepsTheTokensForTheNextStore() {
    String url = Databases.newDatabase(Kind.H2_FILE, dir);
    store(Databases.dataSource(url), KEY).save("alice", token(SECRET_ACCESS, SECRET_REFRESH));

    JdbcTokenStore reopened =
        JdbcTokenStore.builder(Databases.dataSource(url), KEY).build(); // the table exists
    assertThat(reopened.load("alice")).contains(token(SECRET_ACCESS, SECRET_REFRESH));
  }

  @Test
  void badKeysTableNamesAndAccountKeysAreRefusedNamingWhatIsWrong() {
    DataSource db = database(Kind.H2_MEMORY);
    assertThatThrownBy(() -> JdbcTokenStore.builder(db, new SecretKeySpec(new byte[15], "AES")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16, 24 or 32 bytes long")
        .hasMessageContaining("not 15");
    assertThatThrownBy(() -> JdbcTokenStore.builder(db, new SecretKeySpec(new byte[16], "DES")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AES key");
    assertThatThrownBy(() -> JdbcTokenStore.builder(db, KEY).table("tokens; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table name");
    JdbcTokenStore store = JdbcTokenStore.builder(db, KEY).table("app_tokens").build();
    assertThat(store.table()).isEqualTo("app_tokens");
    assertThatThrownBy(() -> store.save(" ", token("ya29.x", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty or blank");
    assertThatThrownBy(() -> store.load("a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 characters long, at most 255");
  }

  @Test
  void anUnreachableDatabaseIsReportedAsUnavailable() {
    DataSource nowhere =
        Databases.dataSource("jdbc:h2:file:" + dir.resolve("x") + ";IFEXISTS=TRUE");
    assertThatThrownBy(() -> store(nowhere, KEY))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TokenStoreException.Kind.UNAVAILABLE);
              assertThat(e.getMessage()).contains("could not create the table", "SQLState");
            });
  }

  // ---- One refresh among processes ------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Kind.class)
  void oneProcessRefreshesAndTheOtherTakesItsToken(Kind kind) throws Exception {
    DataSource db = database(kind);
    JdbcTokenStore first = store(db, KEY);
    JdbcTokenStore second = store(db, KEY); // another process, as far as the table knows
    AccessToken stale = token("ya29.stale", "1//refresh");
    first.save("alice", stale);
    AtomicInteger refreshes = new AtomicInteger();
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);

    CompletableFuture<AccessToken> one =
        CompletableFuture.supplyAsync(
            () ->
                first.refresh(
                    "alice",
                    stale,
                    held -> {
                      refreshes.incrementAndGet();
                      refreshing.countDown();
                      await(answer);
                      return token("ya29.fresh", held.refreshToken());
                    }));
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<AccessToken> two =
        CompletableFuture.supplyAsync(
            () ->
                second.refresh(
                    "alice",
                    stale,
                    held -> {
                      refreshes.incrementAndGet();
                      return token("ya29.second", held.refreshToken());
                    }));
    Thread.sleep(300); // the second waits on the first's claim
    assertThat(two).isNotDone();
    answer.countDown();

    assertThat(one.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("ya29.fresh");
    assertThat(two.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("ya29.fresh");
    assertThat(refreshes).hasValue(1);
    assertThat(second.load("alice").orElseThrow().accessToken()).isEqualTo("ya29.fresh");
    // A process that comes late finds the token stored: no refresh either.
    assertThat(second.refresh("alice", stale, held -> fail()).accessToken())
        .isEqualTo("ya29.fresh");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aLostCompareAndSetTakesTheWinnersTokenInsteadOfRefreshingAgain(Kind kind) {
    DataSource db = database(kind);
    JdbcTokenStore first = store(db, KEY);
    JdbcTokenStore second = store(db, KEY);
    AccessToken stale = token("ya29.stale", "1//refresh");
    first.save("alice", stale);
    AtomicInteger refreshes = new AtomicInteger();

    AccessToken result =
        first.refresh(
            "alice",
            stale,
            held -> {
              refreshes.incrementAndGet();
              // Meanwhile the user signs in again through another process.
              second.save("alice", token("ya29.signed-in", "1//new"));
              return token("ya29.refreshed", held.refreshToken());
            });

    assertThat(result.accessToken()).isEqualTo("ya29.signed-in");
    assertThat(refreshes).hasValue(1);
    assertThat(first.load("alice").orElseThrow().accessToken()).isEqualTo("ya29.signed-in");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aLeaseWhoseHolderDiedLapsesAndAnotherRefreshes(Kind kind) throws Exception {
    DataSource db = database(kind);
    JdbcTokenStore store = JdbcTokenStore.builder(db, KEY).lease(Duration.ofMillis(400)).build();
    AccessToken stale = token("ya29.stale", "1//refresh");
    store.save("alice", stale);
    // A process claimed the refresh for a long time, then died.
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE jyoutube_tokens SET row_version = row_version + 1, lease_until = "
              + (System.currentTimeMillis() + 3_600_000)
              + " WHERE account_key = 'alice'");
    }

    long started = System.nanoTime();
    AccessToken result = store.refresh("alice", stale, held -> token("ya29.took-over", "1//r"));
    long waited = (System.nanoTime() - started) / 1_000_000;

    assertThat(result.accessToken()).isEqualTo("ya29.took-over");
    assertThat(waited).isBetween(350L, 5_000L); // one lease of waiting, no more
    assertThat(store.load("alice").orElseThrow().accessToken()).isEqualTo("ya29.took-over");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFailedRefreshReleasesItsClaim(Kind kind) {
    DataSource db = database(kind);
    JdbcTokenStore store = store(db, KEY); // a lease of 30 s: waiting for it would time out
    AccessToken stale = token("ya29.stale", "1//refresh");
    store.save("alice", stale);
    OAuthException refused = new OAuthException("temporarily_unavailable", "try later", 503);

    assertThatThrownBy(
            () ->
                store.refresh(
                    "alice",
                    stale,
                    held -> {
                      throw refused;
                    }))
        .isSameAs(refused);
    long started = System.nanoTime();
    assertThat(store.refresh("alice", stale, held -> token("ya29.next", "1//r")).accessToken())
        .isEqualTo("ya29.next");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anAccountSignedOutElsewhereMustSignInAgain(Kind kind) {
    JdbcTokenStore store = store(database(kind), KEY);
    AccessToken stale = token("ya29.stale", "1//refresh");
    store.save("alice", stale);
    store.delete("alice");

    assertThatThrownBy(() -> store.refresh("alice", stale, held -> fail()))
        .isInstanceOfSatisfying(
            ReauthorizationRequiredException.class,
            e -> assertThat(e.accountLabel()).contains("alice"));
    assertThat(store.load("alice")).isEmpty(); // not brought back
  }

  private static AccessToken fail() {
    throw new AssertionError("no refresh expected");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("not released");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String sealed(DataSource db, String account) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT sealed_token FROM jyoutube_tokens WHERE account_key = ?")) {
      s.setString(1, account);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }

  private static void setSealed(DataSource db, String account, String sealed) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE jyoutube_tokens SET sealed_token = ? WHERE account_key = ?")) {
      s.setString(1, sealed);
      s.setString(2, account);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
