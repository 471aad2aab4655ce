package io.github.jyoutube;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The daily budgets a client keeps within: the project's per bucket, each {@code quotaUser}'s per
 * bucket, and those of named {@code quotaUser}s. Collected by the client's builder; immutable once
 * built.
 */
final class QuotaBudgets {

  static final long NONE = Long.MAX_VALUE;

  private final Map<QuotaBucket, Long> project = new EnumMap<>(QuotaBucket.class);
  private final Map<QuotaBucket, Long> eachUser = new EnumMap<>(QuotaBucket.class);
  private final Map<String, Map<QuotaBucket, Long>> users = new HashMap<>();

  QuotaBudgets() {}

  /** A copy, for a builder that goes on changing its own. */
  QuotaBudgets copy() {
    QuotaBudgets copy = new QuotaBudgets();
    copy.project.putAll(project);
    copy.eachUser.putAll(eachUser);
    users.forEach((user, budgets) -> copy.users.put(user, new EnumMap<>(budgets)));
    return copy;
  }

  void project(QuotaBucket bucket, long units) {
    project.put(checked(bucket, units), units);
  }

  void eachUser(QuotaBucket bucket, long units) {
    eachUser.put(checked(bucket, units), units);
  }

  void user(String quotaUser, QuotaBucket bucket, long units) {
    RequestOptions.checkQuotaUser(Objects.requireNonNull(quotaUser, "quotaUser == null"));
    users
        .computeIfAbsent(quotaUser, user -> new EnumMap<>(QuotaBucket.class))
        .put(checked(bucket, units), units);
  }

  /** The project's budget in {@code bucket}, {@link #NONE} if it has none. */
  long project(QuotaBucket bucket) {
    return project.getOrDefault(bucket, NONE);
  }

  /**
   * {@code quotaUser}'s budget in {@code bucket}: its own, else every user's, else {@link #NONE}.
   */
  long user(String quotaUser, QuotaBucket bucket) {
    if (quotaUser == null) {
      return NONE;
    }
    Map<QuotaBucket, Long> own = users.get(quotaUser);
    if (own != null && own.containsKey(bucket)) {
      return own.get(bucket);
    }
    return eachUser.getOrDefault(bucket, NONE);
  }

  private static QuotaBucket checked(QuotaBucket bucket, long units) {
    Objects.requireNonNull(bucket, "bucket == null");
    if (units < 0) {
      throw new IllegalArgumentException("a quota budget must be >= 0 units: " + units);
    }
    return bucket;
  }

  @Override
  public String toString() {
    return "QuotaBudgets[project=" + project + ", eachUser=" + eachUser + ", users=" + users + "]";
  }
}
