package io.github.jyoutube.resource;

import io.github.jyoutube.QuotaCost;
import java.util.List;
import java.util.Objects;

/**
 * The fixed facts of one API method, from the discovery document.
 *
 * @param id the method id, such as {@code youtube.playlists.list}
 * @param httpMethod the HTTP method
 * @param path the path under the API base, such as {@code playlists} or {@code captions/{id}}
 * @param required the parameters that must be set, in the document's order
 * @param quota what one request costs
 * @param scopes the OAuth scopes that allow the method: a token needs one of them
 */
record MethodSpec(
    String id,
    String httpMethod,
    String path,
    List<String> required,
    QuotaCost quota,
    List<String> scopes) {

  MethodSpec {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(httpMethod, "httpMethod == null");
    Objects.requireNonNull(path, "path == null");
    required = List.copyOf(required);
    Objects.requireNonNull(quota, "quota == null");
    scopes = List.copyOf(scopes);
  }

  /** The method as people name it: {@code captions.list} for {@code youtube.captions.list}. */
  String shortId() {
    return id.startsWith("youtube.") ? id.substring("youtube.".length()) : id;
  }
}
