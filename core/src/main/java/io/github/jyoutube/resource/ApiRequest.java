package io.github.jyoutube.resource;

import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.RequestOptions;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.ErrorBody;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpResult;
import io.github.jyoutube.http.Invocation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A request to one API method, built by its parameter methods and sent by {@link #execute()} or
 * {@link #executeAsync()}.
 *
 * <p>A request is a builder: set what you need, then execute; executing it again sends it again. It
 * is not safe to change from several threads at once.
 *
 * @param <T> the response type ({@link Void} for methods that return nothing)
 * @param <R> the concrete request type, returned by the parameter methods
 */
public abstract class ApiRequest<T, R extends ApiRequest<T, R>> {

  private final ClientContext context;
  private final MethodSpec spec;
  private final Class<T> responseType;
  private final Object body;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private RequestOptions options = RequestOptions.defaults();

  ApiRequest(ClientContext context, MethodSpec spec, Class<T> responseType, Object body) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.spec = Objects.requireNonNull(spec, "spec == null");
    this.responseType = Objects.requireNonNull(responseType, "responseType == null");
    this.body = body;
  }

  /** This request, typed as its concrete class. */
  abstract R self();

  /**
   * Selects the fields of the response (a partial response), such as {@code
   * items(id,snippet/title)}.
   *
   * @param fields the fields, in the API's {@code fields} syntax
   * @return this request
   */
  public final R fields(String fields) {
    return set("fields", fields);
  }

  /**
   * Attributes the request to a user for per-user quota, 40 characters at most.
   *
   * @param quotaUser any string that identifies the user
   * @return this request
   */
  public final R quotaUser(String quotaUser) {
    if (quotaUser != null && quotaUser.length() > 40) {
      throw new IllegalArgumentException(
          "quotaUser must be at most 40 characters, was " + quotaUser.length());
    }
    return set("quotaUser", quotaUser);
  }

  /** {@return the API method this request calls, such as {@code youtube.videos.list}} */
  public final String methodId() {
    return spec.id();
  }

  /**
   * What one request of this method costs in quota; every page, retry and failed request costs it
   * again.
   *
   * @return the method's quota cost
   */
  public final QuotaCost quotaCost() {
    return spec.quota();
  }

  /**
   * The parameters set so far, as they will be sent (defaults such as {@code part} included, path
   * parameters too); a copy.
   *
   * @return the parameters
   */
  public final Map<String, String> parameters() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /**
   * This request's own options: its timeout per attempt, retries, extra headers and {@code
   * quotaUser}, over those of the client ({@link io.github.jyoutube.YouTubeClient#withOptions}). An
   * explicit {@link #quotaUser(String)} wins over the options'.
   *
   * @param options the options
   * @return this request
   */
  public final R options(RequestOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return self();
  }

  /**
   * Sends the request and waits for the answer.
   *
   * @return the answer
   */
  public T execute() {
    HttpCall call = toCall(query);
    return explained(() -> context.executor().execute(call, responseType, invocation()));
  }

  /** This request's method and options, for the executor. */
  final Invocation invocation() {
    return new Invocation(spec.id(), options);
  }

  /**
   * Sends the request and returns the successful answer as received, its status, headers and bytes,
   * to read as it is or {@link RawResponse#parse() parse} later. Failures are the same exceptions
   * {@link #execute()} throws.
   *
   * @return the successful answer as received: its status, headers and bytes
   * @throws IllegalArgumentException for a lookup of more than 50 ids, whose answer is merged from
   *     several
   */
  public RawResponse<T> executeRaw() {
    if (IdBatches.of(this, Long.MAX_VALUE) != null) {
      throw new IllegalArgumentException(
          "executeRaw() sends one request, and a lookup of more than "
              + IdBatches.MAX_IDS
              + " ids takes several: use execute(), or at most "
              + IdBatches.MAX_IDS
              + " ids");
    }
    HttpCall call = toCall(query);
    HttpResult result = explained(() -> context.executor().execute(call, invocation()));
    return new RawResponse<>(
        result.statusCode(),
        result.headers(),
        result.body(),
        () -> context.executor().decode(call, result, responseType));
  }

  /**
   * Sends the request on the client's executor. Parameter checks happen now, on the caller's
   * thread; failures of the call complete the future exceptionally with the same exceptions {@link
   * #execute()} throws.
   *
   * @return the future answer
   */
  public CompletableFuture<T> executeAsync() {
    HttpCall call = toCall(query);
    return context
        .executor()
        .supplyAsync(
            () -> explained(() -> context.executor().execute(call, responseType, invocation())));
  }

  /** Sets or, with {@code null}, removes a query parameter. */
  final R set(String name, Object value) {
    if (value == null) {
      query.remove(name);
    } else {
      query.put(name, String.valueOf(value));
    }
    return self();
  }

  /** Sets a date-time parameter in RFC 3339 form. */
  final R set(String name, Instant value) {
    return set(name, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
  }

  /** Sets a date-time parameter in RFC 3339 form. */
  final R set(String name, OffsetDateTime value) {
    return set(name, value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
  }

  /** Sets an integer parameter after checking it against the document's bounds. */
  final R setBounded(String name, long value, long minimum, long maximum) {
    if (value < minimum || value > maximum) {
      throw new IllegalArgumentException(
          name + " must be between " + minimum + " and " + maximum + ": " + value);
    }
    return set(name, value);
  }

  /** Sets a repeated parameter, its values comma-joined in the order given. */
  final R setRepeated(String name, Object[] values) {
    return setRepeated(name, values == null ? null : Arrays.asList(values));
  }

  /** Sets a repeated parameter, its values comma-joined in the order given. */
  final R setRepeated(String name, Iterable<?> values) {
    if (values == null) {
      query.remove(name);
      return self();
    }
    StringJoiner joined = new StringJoiner(",");
    Iterator<?> each = values.iterator();
    int index = 0;
    while (each.hasNext()) {
      Object value = each.next();
      if (value == null) {
        throw new IllegalArgumentException(name + "[" + index + "] is null");
      }
      joined.add(String.valueOf(value));
      index++;
    }
    if (index == 0) {
      throw new IllegalArgumentException(name + " needs at least one value");
    }
    query.put(name, joined.toString());
    return self();
  }

  /** Checks a required argument of a resource method. */
  static <V> V required(String name, V value) {
    if (value == null || (value instanceof String text && text.isEmpty())) {
      throw new IllegalArgumentException("required parameter '" + name + "' is missing");
    }
    return value;
  }

  /** Sets or, with {@code null}, removes a request header. */
  final R header(String name, String value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    return self();
  }

  /** Whether a request header is set. */
  final boolean hasHeader(String name) {
    return headers.containsKey(name);
  }

  /**
   * Sends the request with {@code parameters} in place of those set, and returns the successful
   * answer as received.
   */
  final HttpResult sendRaw(Map<String, String> parameters) {
    HttpCall call = toCall(parameters);
    return explained(() -> context.executor().execute(call, invocation()));
  }

  /** Sends the request with {@code parameters} in place of those set, and decodes the answer. */
  final T send(Map<String, String> parameters) {
    HttpCall call = toCall(parameters);
    return explained(() -> context.executor().execute(call, responseType, invocation()));
  }

  /**
   * Runs {@code call}, a sending of this request; a 403 for want of a scope comes out naming the
   * scopes this method accepts (from the discovery document) and those the token has.
   */
  final <V> V explained(Supplier<V> call) {
    try {
      return call.get();
    } catch (ForbiddenException e) {
      if (!e.insufficientScope() || !e.acceptedScopes().isEmpty() || spec.scopes().isEmpty()) {
        throw e;
      }
      throw ApiException.of(
          new ErrorBody(
              e.statusCode(), e.errorMessage(), e.status(), e.errors(), e.body(), e.headers()),
          spec.shortId(),
          spec.scopes(),
          context.executor().grantedScopes());
    }
  }

  /** The value of a query parameter, or {@code null}. */
  final String get(String name) {
    return query.get(name);
  }

  /** A copy of the query parameters set so far. */
  final Map<String, String> query() {
    return new LinkedHashMap<>(query);
  }

  /** The executor and base URLs. */
  final ClientContext context() {
    return context;
  }

  /** The response type. */
  final Class<T> responseType() {
    return responseType;
  }

  /**
   * Builds the HTTP call for the given parameters, after checking the required ones. Parameters
   * named in the path template go into the path; the rest into the query.
   */
  final HttpCall toCall(Map<String, String> parameters) {
    return toCall(context.api(), parameters);
  }

  /** {@link #toCall(Map)} under another base, such as the media upload base. */
  final HttpCall toCall(URI base, Map<String, String> parameters) {
    for (String name : spec.required()) {
      if (!parameters.containsKey(name)) {
        throw new IllegalArgumentException(
            "required parameter '" + name + "' is missing for " + spec.id());
      }
    }
    Map<String, String> rest = new LinkedHashMap<>(parameters);
    String quotaUser = context.executor().defaults().overriddenBy(options).quotaUser();
    if (quotaUser != null) {
      rest.putIfAbsent("quotaUser", quotaUser);
    }
    String path = spec.path();
    for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{')) {
      int close = path.indexOf('}', open);
      String name = path.substring(open + 1, close);
      String value = rest.remove(name);
      path = path.substring(0, open) + escape(value) + path.substring(close + 1);
    }
    URI uri = URI.create(base + path + encode(rest));
    HttpCall call =
        body == null
            ? HttpCall.api(spec.httpMethod(), uri)
            : HttpCall.api(spec.httpMethod(), uri, Json.writeBytes(body));
    for (Map.Entry<String, String> header : headers.entrySet()) {
      call = call.withHeader(header.getKey(), header.getValue());
    }
    return call.withQuota(spec.quota());
  }

  /**
   * The parts that {@code body} carries, comma-joined: the default {@code part} of methods that
   * write.
   */
  static String partsPresent(Object body, Set<String> parts) {
    StringJoiner joined = new StringJoiner(",");
    if (Json.tree(Json.write(body)) instanceof Map<?, ?> present) {
      for (Object name : present.keySet()) {
        if (parts.contains(name)) {
          joined.add((String) name);
        }
      }
    }
    if (joined.length() == 0) {
      throw new IllegalArgumentException(
          "the body carries none of the parts " + parts + "; set part(...) explicitly");
    }
    return joined.toString();
  }

  private static String encode(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    parameters.forEach((name, value) -> joined.add(escape(name) + "=" + escape(value)));
    return joined.toString();
  }

  /** RFC 3986 percent-encoding: spaces as {@code %20}, commas kept for readable part lists. */
  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + spec.httpMethod()
        + " "
        + spec.path()
        + encode(query)
        + "]";
  }
}
