package io.github.jyoutube.http;

import io.github.jyoutube.QuotaCost;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to send, before authentication: method, URL, headers and body.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute URL, query included
 * @param headers extra request headers
 * @param body the body bytes, or {@code null} for none
 * @param contentType the body's media type, or {@code null} for none
 * @param authenticated whether the client's credential is attached
 * @param dialect which error format the endpoint speaks
 * @param quota what the call costs, or {@code null} for calls outside the Data API's quota
 */
public record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    String contentType,
    boolean authenticated,
    Dialect dialect,
    QuotaCost quota) {

  /** The error format of an endpoint. */
  public enum Dialect {
    /** The Data API: Google's JSON error body; responses may be quoted in errors. */
    API,
    /**
     * Google's OAuth 2.0 endpoints: {@code error} and {@code error_description}; successful answers
     * carry tokens, so they are never quoted.
     */
    OAUTH
  }

  /**
   * Checks the parts and copies the headers.
   *
   * @param method the value for the {@code method} record component
   * @param uri the value for the {@code uri} record component
   * @param headers the value for the {@code headers} record component
   * @param body the value for the {@code body} record component
   * @param contentType the value for the {@code contentType} record component
   * @param authenticated the value for the {@code authenticated} record component
   * @param dialect the value for the {@code dialect} record component
   * @param quota the value for the {@code quota} record component
   */
  public HttpCall {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(uri, "uri == null");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(dialect, "dialect == null");
  }

  /**
   * An authenticated Data API request without a body.
   *
   * @param method the HTTP method
   * @param uri the URL, query included
   * @return the call
   */
  public static HttpCall api(String method, URI uri) {
    return new HttpCall(method, uri, Map.of(), null, null, true, Dialect.API, null);
  }

  /**
   * An authenticated Data API request with a JSON body.
   *
   * @param method the HTTP method
   * @param uri the URL, query included
   * @param json the body, UTF-8 JSON
   * @return the call
   */
  public static HttpCall api(String method, URI uri, byte[] json) {
    return new HttpCall(
        method, uri, Map.of(), json, "application/json; charset=UTF-8", true, Dialect.API, null);
  }

  /**
   * An unauthenticated form POST to an OAuth endpoint.
   *
   * @param uri the endpoint
   * @param form the body, {@code application/x-www-form-urlencoded}
   * @return the call
   */
  public static HttpCall oauthForm(URI uri, byte[] form) {
    return new HttpCall(
        "POST",
        uri,
        Map.of(),
        form,
        "application/x-www-form-urlencoded",
        false,
        Dialect.OAUTH,
        null);
  }

  /**
   * This call with one more header.
   *
   * @param name the header's name
   * @param value the header's value
   * @return a copy of this call with the header
   */
  public HttpCall withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpCall(method, uri, copy, body, contentType, authenticated, dialect, quota);
  }

  /**
   * This call with the query parameter {@code name} set to {@code value}, in place of any it had.
   *
   * @param name the parameter's name, URL-safe
   * @param value its value, encoded here; {@code null} to remove the parameter
   * @return a copy of this call with the parameter set or removed
   */
  public HttpCall withQueryParameter(String name, String value) {
    StringBuilder query = new StringBuilder();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "=")) {
          query.append(query.length() == 0 ? "" : "&").append(pair);
        }
      }
    }
    if (value != null) {
      query
          .append(query.length() == 0 ? "" : "&")
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
    String text = uri.toString();
    int cut = text.indexOf('?');
    int fragment = text.indexOf('#');
    String base =
        cut >= 0 ? text.substring(0, cut) : fragment >= 0 ? text.substring(0, fragment) : text;
    URI changed = URI.create(query.length() == 0 ? base : base + "?" + query);
    return new HttpCall(method, changed, headers, body, contentType, authenticated, dialect, quota);
  }

  /**
   * This call, counted at {@code cost} by the quota meter.
   *
   * @param cost the cost to count
   * @return a copy of this call with that cost
   */
  public HttpCall withQuota(QuotaCost cost) {
    return new HttpCall(method, uri, headers, body, contentType, authenticated, dialect, cost);
  }

  /**
   * The {@code quotaUser} parameter of the URL, decoded: whose share of the quota the call draws
   * on.
   *
   * @return the {@code quotaUser}, or {@code null} when the URL has none
   */
  public String quotaUser() {
    String query = uri.getRawQuery();
    if (query == null || !query.contains("quotaUser=")) {
      return null; // most calls: read on every attempt, so no split
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("quotaUser=") && pair.length() > "quotaUser=".length()) {
        String value = pair.substring("quotaUser=".length());
        try {
          return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return value;
        }
      }
    }
    return null;
  }

  /**
   * Whether sending this twice has the same effect as sending it once. Only such requests are
   * retried after they may have reached the server.
   *
   * @return whether the call is idempotent
   */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }

  /**
   * The method and URL without the query, for messages and logs.
   *
   * @return the method and the URL without its query
   */
  public String describe() {
    String query = uri.getRawQuery();
    String url = uri.toString();
    return method + " " + (query == null ? url : url.substring(0, url.indexOf('?')));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpCall call
        && method.equals(call.method)
        && uri.equals(call.uri)
        && headers.equals(call.headers)
        && java.util.Arrays.equals(body, call.body)
        && Objects.equals(contentType, call.contentType)
        && authenticated == call.authenticated
        && dialect == call.dialect
        && Objects.equals(quota, call.quota);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body), dialect);
  }

  @Override
  public String toString() {
    return "HttpCall[" + describe() + (body == null ? "" : ", " + body.length + " bytes") + "]";
  }
}
