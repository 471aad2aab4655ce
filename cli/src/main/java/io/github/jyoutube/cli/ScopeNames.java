package io.github.jyoutube.cli;

import io.github.jyoutube.auth.Scopes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scope names as users type them: {@code youtube.upload} for the full URL. */
final class ScopeNames {

  private static final String PREFIX = "https://www.googleapis.com/auth/";
  private static final Set<String> BARE = Set.of("openid", "email", "profile");

  private ScopeNames() {}

  /** The full scopes of {@code names}; {@link Scopes#DEFAULT} when there are none. */
  static List<String> expand(List<String> names) {
    if (names == null || names.isEmpty()) {
      return Scopes.DEFAULT;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String name : names) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      scopes.add(trimmed.contains("://") || BARE.contains(trimmed) ? trimmed : PREFIX + trimmed);
    }
    return scopes.isEmpty() ? Scopes.DEFAULT : new ArrayList<>(scopes);
  }

  /** The short names of space-separated scopes, comma-separated. */
  static String shortList(String scopes) {
    if (scopes == null || scopes.isBlank()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String scope : scopes.strip().split("\\s+")) {
      names.add(Errors.shortScope(scope));
    }
    return String.join(", ", names);
  }
}
