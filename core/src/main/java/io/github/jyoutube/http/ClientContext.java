package io.github.jyoutube.http;

import java.net.URI;
import java.util.Objects;

/**
 * What a resource needs to send its requests: the executor and the API's base URLs.
 *
 * @param executor sends calls with credentials and retries
 * @param api the Data API base, ending in {@code youtube/v3/}
 * @param upload the media upload base, ending in {@code upload/youtube/v3/}
 */
public record ClientContext(HttpExecutor executor, URI api, URI upload) {

  /**
   * Checks the parts.
   *
   * @param executor the value for the {@code executor} record component
   * @param api the value for the {@code api} record component
   * @param upload the value for the {@code upload} record component
   */
  public ClientContext {
    Objects.requireNonNull(executor, "executor == null");
    Objects.requireNonNull(api, "api == null");
    Objects.requireNonNull(upload, "upload == null");
  }
}
