package io.github.jyoutube.auth;

import io.github.jyoutube.Json;
import io.github.jyoutube.error.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OAuth client's identity, as in the {@code client_secret.json} file that Google Cloud Console
 * downloads (a {@code web} or {@code installed} client).
 *
 * <p>{@link #toString()} never shows the secret.
 *
 * @param clientId the client ID
 * @param clientSecret the client secret
 * @param redirectUris the registered redirect URIs, in the file's order; may be empty
 */
public record ClientSecrets(String clientId, String clientSecret, List<String> redirectUris) {

  /**
   * Checks and copies the parts.
   *
   * @param clientId the value for the {@code clientId} record component
   * @param clientSecret the value for the {@code clientSecret} record component
   * @param redirectUris the value for the {@code redirectUris} record component
   */
  public ClientSecrets {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(clientSecret, "clientSecret == null");
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * Reads a {@code client_secret.json} file.
   *
   * @param file the file
   * @return its client ID, secret and redirect URIs
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a {@code web} or {@code installed} client file
   */
  public static ClientSecrets read(Path file) {
    Objects.requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read client secrets file " + file, e);
    }
    Object root;
    try {
      root = Json.tree(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + " is not JSON", e.getCause());
    }
    Object client = null;
    if (root instanceof Map<?, ?> map) {
      client = map.containsKey("installed") ? map.get("installed") : map.get("web");
    }
    if (!(client instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException(
          file + " has neither a \"web\" nor an \"installed\" client object");
    }
    String id = fields.get("client_id") instanceof String value ? value : "";
    String secret = fields.get("client_secret") instanceof String value ? value : "";
    if (id.isEmpty()) {
      throw new IllegalArgumentException(file + " has no client_id");
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(file + " has no client_secret");
    }
    List<String> redirects = new ArrayList<>();
    if (fields.get("redirect_uris") instanceof List<?> uris) {
      for (Object uri : uris) {
        redirects.add(String.valueOf(uri));
      }
    }
    return new ClientSecrets(id, secret, redirects);
  }

  @Override
  public String toString() {
    return "ClientSecrets[clientId="
        + clientId
        + ", clientSecret=(redacted), redirectUris="
        + redirectUris
        + "]";
  }
}
