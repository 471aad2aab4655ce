package io.github.jyoutube.resource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A successful answer as received: status, headers and body, read before (or instead of) turning it
 * into the response type with {@link #parse()}.
 *
 * <pre>{@code
 * RawResponse<VideoListResponse> raw = cli.videos().list().id("dQw4w9WgXcQ").executeRaw();
 * raw.statusCode();              // 200
 * raw.header("etag");            // the answer's ETag
 * raw.bodyText();                // the JSON as sent (after gzip)
 * VideoListResponse answer = raw.parse();
 * }</pre>
 *
 * @param <T> the response type
 */
public final class RawResponse<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Supplier<T> parser;

  RawResponse(int statusCode, Map<String, List<String>> headers, byte[] body, Supplier<T> parser) {
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.parser = parser;
  }

  /**
   * {@return the HTTP status: 2xx, or 304 for a conditional request whose answer has not changed}
   */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the response headers, names in lower case} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of header {@code name} (any case), or {@code null}.
   *
   * @param name a header name, in any case
   * @return the first value of header {@code name} (any case), or {@code null}
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the body's bytes, decompressed; a copy} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body read as the response type; {@code null} for a 304 or a method that returns nothing.
   *
   * @return the body read as the response type; {@code null} for a 304 or a method that returns
   *     nothing
   * @throws io.github.jyoutube.error.DecodeException if the body is not JSON of that shape
   */
  public T parse() {
    return parser.get();
  }

  @Override
  public String toString() {
    return "RawResponse[" + statusCode + ", " + body.length + " bytes]";
  }
}
