package io.github.jyoutube.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response as received: status, headers (names in lower case) and the body, already decompressed.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers, names in lower case
 * @param body the body bytes; empty when there was none
 */
public record HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body) {

  /**
   * Checks the parts.
   *
   * @param statusCode the value for the {@code statusCode} record component
   * @param headers the value for the {@code headers} record component
   * @param body the value for the {@code body} record component
   */
  public HttpResult {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body == null");
  }

  /**
   * The first value of header {@code name} (any case), or {@code null}.
   *
   * @param name the header's name, in any case
   * @return the first value, or {@code null}
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpResult result
        && statusCode == result.statusCode
        && headers.equals(result.headers)
        && java.util.Arrays.equals(body, result.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "HttpResult[" + statusCode + ", " + body.length + " bytes]";
  }
}
