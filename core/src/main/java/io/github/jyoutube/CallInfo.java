package io.github.jyoutube;

import java.util.Objects;

/**
 * One call the client makes, as listeners see it: the same instance in every event of the call.
 *
 * @param id a number unique within the process, in the order calls started
 * @param methodId the API method, such as {@code youtube.videos.list}; {@code oauth2.token} for the
 *     token endpoint; the HTTP method and path for other calls
 * @param httpMethod the HTTP method
 * @param url the URL without its query (which may hold an API key or an upload id)
 */
public record CallInfo(long id, String methodId, String httpMethod, String url) {

  /**
   * Checks the parts.
   *
   * @param id a number unique to this call in the JVM
   * @param methodId the API method, such as {@code youtube.videos.list}
   * @param httpMethod the HTTP method
   * @param url the URL, without credentials
   */
  public CallInfo {
    Objects.requireNonNull(methodId, "methodId == null");
    Objects.requireNonNull(httpMethod, "httpMethod == null");
    Objects.requireNonNull(url, "url == null");
  }
}
