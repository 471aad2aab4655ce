package io.github.jyoutube.http;

import io.github.jyoutube.RequestOptions;

/**
 * What a call is beyond its bytes: the API method it calls, for listeners, and its options.
 *
 * @param methodId the method's id, such as {@code youtube.videos.list}; {@code null} to name the
 *     call by its HTTP method and URL
 * @param options the call's options over the executor's defaults; {@code null} for none
 */
public record Invocation(String methodId, RequestOptions options) {

  private static final Invocation NONE = new Invocation(null, null);

  /** {@return no method id, no options} */
  public static Invocation none() {
    return NONE;
  }
}
