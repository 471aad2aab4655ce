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

  /**
   * The scopes a login asks for: those of {@code only} ({@code --only-scope}), else {@link
   * Scopes#DEFAULT}, then those of {@code extra} ({@code --scope}), without repeats.
   *
   * @throws CliException (usage) if {@code only} is given but names no scope
   */
  static List<String> wanted(List<String> only, List<String> extra) {
    Set<String> scopes = new LinkedHashSet<>();
    if (only != null) {
      List<String> base = full(only);
      if (base.isEmpty()) {
        throw CliException.usage(
            "--only-scope names no scope", "for example --only-scope youtube.readonly");
      }
      scopes.addAll(base);
    } else {
      scopes.addAll(Scopes.DEFAULT);
    }
    scopes.addAll(full(extra));
    return new ArrayList<>(scopes);
  }

  /** The full scopes of {@code names}, in order, without blanks or repeats. */
  private static List<String> full(List<String> names) {
    Set<String> scopes = new LinkedHashSet<>();
    if (names != null) {
      for (String name : names) {
        String trimmed = name.strip();
        if (!trimmed.isEmpty()) {
          scopes.add(
              trimmed.contains("://") || BARE.contains(trimmed) ? trimmed : PREFIX + trimmed);
        }
      }
    }
    return new ArrayList<>(scopes);
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
