package io.github.jyoutube.auth;

import io.github.jyoutube.Sleeper;
import io.github.jyoutube.error.TokenStoreException;
import io.github.jyoutube.error.TokenStoreException.Kind;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.http.Durations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * An {@link AccountTokenStore} in one database table, through plain JDBC ({@code java.sql}, no
 * driver of its own): the store of a service whose processes share their users' tokens. Tested on
 * PostgreSQL and H2.
 *
 * <pre>{@code
 * SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(System.getenv("TOKEN_KEY")), "AES");
 * AccountTokenStore tokens = JdbcTokenStore.builder(dataSource, key).build();
 * YouTubeClient cli = YouTubeClient.builder().clientSecretsFile(secrets).accountTokenStore(tokens).build();
 * YouTubeClient alice = cli.forAccount("alice");
 * }</pre>
 *
 * <p><b>Table.</b> {@link #DEFAULT_TABLE} unless the builder names another; created when missing,
 * with SQL that PostgreSQL and H2 both take: {@code account_key VARCHAR(255) PRIMARY KEY,
 * row_version BIGINT, sealed_token VARCHAR(8000), lease_until BIGINT, updated_at BIGINT} (times in
 * epoch milliseconds).
 *
 * <p><b>Encrypted at rest.</b> Each token is sealed with AES-GCM under the application's key (16,
 * 24 or 32 bytes), with a random 12-byte nonce per write and the account key as associated data. A
 * token sealed with another key, or bytes that were truncated, altered or moved from another
 * account's row, fail with a {@link TokenStoreException} ({@link Kind#WRONG_KEY}, {@link
 * Kind#CORRUPTED}) naming the account, never the token. The key appears in no message and no {@code
 * toString()}; only its id does (an HMAC of a fixed label, which reveals nothing of it).
 *
 * <p><b>One refresh per expiry among processes.</b> Every write bumps {@code row_version}, and
 * {@link #refresh} works by compare-and-set on it ({@code UPDATE ... WHERE row_version = ?}):
 * before refreshing, it reads the row again, and takes the token another process stored if there is
 * one; otherwise it claims the refresh (a compare-and-set that sets a lease of {@link
 * Builder#lease} on the row), refreshes, and stores the new token with a second compare-and-set. A
 * process that loses the claim reads the row again: while another holds the lease, it waits for
 * that token (polling, at most one lease long) instead of refreshing. A process whose store
 * compare-and-set is lost (the row changed meanwhile) takes the winner's token. A lease whose
 * holder died lapses, and another process refreshes.
 *
 * <p>Each operation takes a connection from the data source and gives it back; statements run in
 * auto-commit mode (or are committed, when the pool hands out connections without it), each with a
 * timeout.
 */
public final class JdbcTokenStore implements AccountTokenStore {

  /** The table's name unless the builder gives another. */
  public static final String DEFAULT_TABLE = "jyoutube_tokens";

  /** What the {@code sealed_token} column holds, in characters. */
  private static final int MAX_SEALED_CHARS = 8000;

  /** How many claims one refresh may lose to other processes before it gives up. */
  private static final int MAX_ROUNDS = 100;

  private static final Duration FIRST_POLL = Duration.ofMillis(10);
  private static final Duration LONGEST_POLL = Duration.ofMillis(200);
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private final DataSource dataSource;
  private final TokenCipher cipher;
  private final String table;
  private final Duration lease;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int queryTimeoutSeconds;

  private final String selectRow;
  private final String updateToken;
  private final String insertToken;
  private final String deleteRow;
  private final String selectAccounts;
  private final String claim;
  private final String storeClaimed;
  private final String release;

  private JdbcTokenStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.cipher = builder.cipher;
    this.table = builder.table;
    this.lease = builder.lease;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.queryTimeoutSeconds = (int) Math.max(1, builder.queryTimeout.toSeconds());
    selectRow =
        "SELECT row_version, sealed_token, lease_until FROM " + table + " WHERE account_key = ?";
    updateToken =
        "UPDATE "
            + table
            + " SET sealed_token = ?, row_version = row_version + 1, lease_until = 0,"
            + " updated_at = ? WHERE account_key = ?";
    insertToken =
        "INSERT INTO "
            + table
            + " (account_key, row_version, sealed_token, lease_until, updated_at)"
            + " VALUES (?, 1, ?, 0, ?)";
    deleteRow = "DELETE FROM " + table + " WHERE account_key = ?";
    selectAccounts = "SELECT account_key FROM " + table;
    claim =
        "UPDATE "
            + table
            + " SET row_version = ?, lease_until = ? WHERE account_key = ? AND row_version = ?";
    storeClaimed =
        "UPDATE "
            + table
            + " SET sealed_token = ?, row_version = ?, lease_until = 0, updated_at = ?"
            + " WHERE account_key = ? AND row_version = ?";
    release =
        "UPDATE "
            + table
            + " SET row_version = ?, lease_until = 0 WHERE account_key = ? AND row_version = ?";
  }

  /**
   * A builder of a store over {@code dataSource}, sealing tokens with {@code key}.
   *
   * @param dataSource gives the connections (a pool, in a server)
   * @param key an AES key of 16, 24 or 32 bytes, such as {@code new SecretKeySpec(bytes, "AES")};
   *     keep it out of the database
   * @return the builder
   * @throws IllegalArgumentException if the key is not a raw AES key of one of those lengths
   */
  public static Builder builder(DataSource dataSource, SecretKey key) {
    return new Builder(dataSource, new TokenCipher(key));
  }

  @Override
  public Optional<AccessToken> load(String account) {
    Accounts.check(account);
    Row row = read(account);
    return row == null ? Optional.empty() : Optional.of(cipher.open(account, row.sealed()));
  }

  @Override
  public void save(String account, AccessToken token) {
    Accounts.check(account);
    String sealed = seal(account, Objects.requireNonNull(token, "token == null"));
    for (int round = 0; round < 3; round++) {
      long now = clock.millis();
      if (update(account, "save", updateToken, sealed, now, account) > 0) {
        return;
      }
      try {
        update(account, "save", insertToken, account, sealed, now);
        return;
      } catch (TokenStoreException e) {
        if (!(e.getCause() instanceof SQLException sql && duplicateKey(sql))) {
          throw e;
        }
        // Another process inserted the row first: update it instead.
      }
    }
    throw new TokenStoreException(
        Kind.UNAVAILABLE,
        account,
        "could not save the token of account " + account + ": its row kept changing",
        null);
  }

  @Override
  public void delete(String account) {
    Accounts.check(account);
    update(account, "delete", deleteRow, account);
  }

  @Override
  public List<String> accounts() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(selectAccounts)) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      List<String> accounts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          accounts.add(rows.getString(1));
        }
      }
      finish(connection);
      accounts.sort(null);
      return accounts;
    } catch (SQLException e) {
      throw unavailable(null, "list the accounts", e);
    }
  }

  /**
   * Replaces the account's token {@code stale} once among every process sharing the table: see the
   * class comment.
   *
   * @param account the account key
   * @param stale the token the caller holds
   * @param refresher obtains a new token from the stored one; called at most once
   * @return the token another process stored, or {@code refresher}'s, now stored
   * @throws io.github.jyoutube.error.ReauthorizationRequiredException if the account's row is gone
   *     (signed out elsewhere), or as {@code refresher} throws it
   * @throws TokenStoreException if the table cannot be read or written, or the stored token cannot
   *     be opened
   */
  @Override
  public AccessToken refresh(
      String account, AccessToken stale, UnaryOperator<AccessToken> refresher) {
    Accounts.check(account);
    Objects.requireNonNull(stale, "stale == null");
    Objects.requireNonNull(refresher, "refresher == null");
    long waitStarted = System.nanoTime();
    Duration poll = FIRST_POLL;
    int lost = 0;
    while (lost < MAX_ROUNDS) {
      Row row = read(account);
      if (row == null) {
        throw AccountTokenStore.signedOut(account);
      }
      AccessToken stored = cipher.open(account, row.sealed());
      if (!stored.accessToken().equals(stale.accessToken())) {
        return stored; // another process (or a sign-in) stored a newer token
      }
      long now = clock.millis();
      boolean leased = row.leaseUntil() > now;
      if (leased && System.nanoTime() - waitStarted < lease.toNanos()) {
        pause(poll); // another process is refreshing: wait for its token
        poll =
            poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
        continue;
      }
      long claimed = row.version() + 1;
      long leaseUntil = now + lease.toMillis();
      if (update(account, "claim the refresh", claim, claimed, leaseUntil, account, row.version())
          == 0) {
        lost++;
        continue; // another process claimed it, or stored a token: read again
      }
      AccessToken fresh;
      try {
        fresh = refresher.apply(stored);
      } catch (RuntimeException | Error e) {
        try {
          update(account, "release the refresh", release, claimed + 1, account, claimed);
        } catch (TokenStoreException releaseFailed) {
          e.addSuppressed(releaseFailed); // the lease lapses by itself
        }
        throw e;
      }
      String sealed = seal(account, fresh);
      if (update(
              account,
              "store the refreshed token",
              storeClaimed,
              sealed,
              claimed + 1,
              clock.millis(),
              account,
              claimed)
          == 1) {
        return fresh;
      }
      // The row changed while this process refreshed (a sign-in saved a token, or another process
      // took over a lapsed lease): the token stored there wins when it is another.
      Row winner = read(account);
      if (winner != null) {
        AccessToken theirs = cipher.open(account, winner.sealed());
        if (!theirs.accessToken().equals(stale.accessToken())) {
          return theirs;
        }
      }
      return fresh; // valid, though not stored
    }
    throw new TokenStoreException(
        Kind.UNAVAILABLE,
        account,
        "could not refresh the token of account "
            + account
            + ": other processes changed its row "
            + MAX_ROUNDS
            + " times while this process tried to claim the refresh",
        null);
  }

  /** {@return the table's name} */
  public String table() {
    return table;
  }

  private record Row(long version, String sealed, long leaseUntil) {}

  private Row read(String account) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(selectRow)) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      statement.setString(1, account);
      Row row = null;
      try (ResultSet rows = statement.executeQuery()) {
        if (rows.next()) {
          String sealed = rows.getString(2);
          if (sealed == null) {
            throw TokenCipher.corrupted(account, "its row holds none");
          }
          row = new Row(rows.getLong(1), sealed, rows.getLong(3));
        }
      }
      finish(connection);
      return row;
    } catch (SQLException e) {
      throw unavailable(account, "read the token", e);
    }
  }

  /** Runs an update; {@return how many rows it changed} */
  private int update(String account, String what, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof Long number) {
          statement.setLong(i + 1, number);
        } else {
          statement.setString(i + 1, (String) parameters[i]);
        }
      }
      int changed;
      try {
        changed = statement.executeUpdate();
      } catch (SQLException e) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        throw e;
      }
      finish(connection);
      return changed;
    } catch (SQLException e) {
      throw unavailable(account, what, e);
    }
  }

  /** Commits, for a pool that hands out connections without auto-commit. */
  private static void finish(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private String seal(String account, AccessToken token) {
    String sealed = cipher.seal(account, token);
    if (sealed.length() > MAX_SEALED_CHARS) {
      throw new IllegalArgumentException(
          "the token of account "
              + account
              + " is too large to store: "
              + sealed.length()
              + " characters sealed, the column holds "
              + MAX_SEALED_CHARS);
    }
    return sealed;
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for another process's refresh", e);
    }
  }

  private TokenStoreException unavailable(String account, String what, SQLException e) {
    return new TokenStoreException(
        Kind.UNAVAILABLE,
        account,
        "token store table "
            + table
            + ": could not "
            + what
            + (account == null ? "" : " of account " + account)
            + ": "
            + firstLine(e.getMessage())
            + " (SQLState "
            + e.getSQLState()
            + ")",
        e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** A unique-key violation (SQLState class 23, as PostgreSQL and H2 report a duplicate key). */
  private static boolean duplicateKey(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private void createTableIfMissing() {
    String create =
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (account_key VARCHAR("
            + Accounts.MAX_LENGTH
            + ") NOT NULL PRIMARY KEY, row_version BIGINT NOT NULL, sealed_token VARCHAR("
            + MAX_SEALED_CHARS
            + ") NOT NULL, lease_until BIGINT NOT NULL, updated_at BIGINT NOT NULL)";
    SQLException failed;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      statement.execute(create);
      finish(connection);
      return;
    } catch (SQLException e) {
      failed = e; // perhaps another process created it at the same moment: look
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      statement
          .executeQuery(
              "SELECT account_key, row_version, sealed_token, lease_until, updated_at FROM "
                  + table
                  + " WHERE 1 = 0")
          .close();
      finish(connection);
    } catch (SQLException e) {
      failed.addSuppressed(e);
      throw unavailable(null, "create the table", failed);
    }
  }

  @Override
  public String toString() {
    return "JdbcTokenStore[table=" + table + ", key id " + cipher.keyId() + "]";
  }

  /** Builds a {@link JdbcTokenStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private final TokenCipher cipher;
    private String table = DEFAULT_TABLE;
    private Duration lease = Duration.ofSeconds(30);
    private Duration queryTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(DataSource dataSource, TokenCipher cipher) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
      this.cipher = cipher;
    }

    /**
     * The table's name ({@value JdbcTokenStore#DEFAULT_TABLE} by default), optionally with its
     * schema.
     *
     * @param table letters, digits and underscores, not starting with a digit, such as {@code
     *     app.youtube_tokens}
     * @return this builder
     * @throws IllegalArgumentException if the name is not of that form
     */
    public Builder table(String table) {
      Objects.requireNonNull(table, "table == null");
      if (!TABLE_NAME.matcher(table).matches()) {
        throw new IllegalArgumentException(
            "the table name must be letters, digits and underscores (with an optional schema"
                + " before a dot), not starting with a digit, at most 63 characters each: "
                + table);
      }
      this.table = table;
      return this;
    }

    /**
     * How long a process that claimed a refresh holds it (30 s by default): others wait that long
     * at most for its token, then refresh themselves. Longer than a refresh takes.
     *
     * @param lease the lease
     * @return this builder
     */
    public Builder lease(Duration lease) {
      this.lease = Durations.positive(lease, "lease");
      return this;
    }

    /**
     * How long one statement may take (30 s by default; whole seconds).
     *
     * @param queryTimeout the statement timeout
     * @return this builder
     */
    public Builder queryTimeout(Duration queryTimeout) {
      this.queryTimeout = Durations.positive(queryTimeout, "queryTimeout");
      return this;
    }

    /**
     * The clock of leases and of {@code updated_at}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * What waits between two reads of a row whose refresh another process holds.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Builds the store, creating its table when it is missing.
     *
     * @return the store
     * @throws TokenStoreException if the table is missing and cannot be created
     */
    public JdbcTokenStore build() {
      JdbcTokenStore store = new JdbcTokenStore(this);
      store.createTableIfMissing();
      return store;
    }

    @Override
    public String toString() {
      return "JdbcTokenStore.Builder[table=" + table + ", key id " + cipher.keyId() + "]";
    }
  }
}
