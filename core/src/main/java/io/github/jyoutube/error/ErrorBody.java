package io.github.jyoutube.error;

import io.github.jyoutube.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An error response as Google sends it, read leniently: a body that is not Google's JSON error
 * format (an HTML page from a proxy, say) still yields a usable value with the raw text.
 *
 * @param statusCode the HTTP status
 * @param message {@code error.message}, or {@code null}
 * @param status {@code error.status}, or {@code null}
 * @param errors the {@code error.errors[]} entries; empty when absent
 * @param body the raw body as text
 * @param headers the response headers, names in lower case
 */
public record ErrorBody(
    int statusCode,
    String message,
    String status,
    List<ErrorDetail> errors,
    String body,
    Map<String, List<String>> headers) {

  private static final int SNIPPET_LENGTH = 200;
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "userRequestsExceedRateLimit");

  /**
   * Copies the collections and checks for nulls.
   *
   * @param statusCode the value for the {@code statusCode} record component
   * @param message the value for the {@code message} record component
   * @param status the value for the {@code status} record component
   * @param errors the value for the {@code errors} record component
   * @param body the value for the {@code body} record component
   * @param headers the value for the {@code headers} record component
   */
  public ErrorBody {
    errors = List.copyOf(errors);
    Objects.requireNonNull(body, "body == null");
    headers = Map.copyOf(headers);
  }

  /**
   * Reads an error response.
   *
   * @param statusCode the HTTP status
   * @param body the raw body bytes, UTF-8
   * @param headers the response headers, names in lower case
   * @return the parsed error, never {@code null}
   */
  public static ErrorBody parse(int statusCode, byte[] body, Map<String, List<String>> headers) {
    String text = new String(body, StandardCharsets.UTF_8);
    Map<?, ?> error = null;
    try {
      if (!text.isBlank()
          && Json.tree(text) instanceof Map<?, ?> root
          && root.get("error") instanceof Map<?, ?> object) {
        error = object;
      }
    } catch (DecodeException notJson) {
      // Not Google's JSON format; the raw text is kept below.
    }
    if (error == null) {
      return new ErrorBody(statusCode, null, null, List.of(), text, headers);
    }
    List<ErrorDetail> details = new ArrayList<>();
    if (error.get("errors") instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> fields) {
          details.add(
              new ErrorDetail(
                  textOrNull(fields, "reason"),
                  textOrNull(fields, "domain"),
                  textOrNull(fields, "message"),
                  textOrNull(fields, "location"),
                  textOrNull(fields, "locationType")));
        }
      }
    }
    return new ErrorBody(
        statusCode,
        textOrNull(error, "message"),
        textOrNull(error, "status"),
        details,
        text,
        headers);
  }

  /**
   * Whether the project's daily quota is spent ({@code quotaExceeded} or {@code
   * dailyLimitExceeded}): waiting minutes will not help.
   *
   * @return whether the daily quota is spent
   */
  public boolean quotaExceeded() {
    return errors.stream()
        .map(ErrorDetail::reason)
        .anyMatch(reason -> "quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason));
  }

  /**
   * Whether the server asks the caller to slow down: 429, or a rate-limit reason. Such a request
   * was refused without being acted on.
   *
   * @return whether the server asks the caller to slow down
   */
  public boolean rateLimited() {
    return statusCode == 429
        || errors.stream().map(ErrorDetail::reason).anyMatch(RATE_LIMIT_REASONS::contains);
  }

  /** The first 200 characters of {@code text}, on one line, for messages. */
  static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + "…";
  }

  private static String textOrNull(Map<?, ?> object, String field) {
    Object value = object.get(field);
    return value == null || value instanceof Map || value instanceof List ? null : value.toString();
  }
}
