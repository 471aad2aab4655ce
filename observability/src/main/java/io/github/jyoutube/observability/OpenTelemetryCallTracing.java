package io.github.jyoutube.observability;

import io.github.jyoutube.CallEvent;
import io.github.jyoutube.CallInfo;
import io.github.jyoutube.CallInterceptor;
import io.github.jyoutube.CallListener;
import io.github.jyoutube.RequestOptions;
import io.github.jyoutube.YouTubeClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenTelemetry span per jyoutube call, as a listener of the client: a client span named by the
 * API method, a child of the span current where the call was made.
 *
 * <pre>{@code
 * YouTubeClient cli = YouTubeClient.builder().apiKey(key)
 *     .listener(new OpenTelemetryCallTracing(openTelemetry)).build();
 * }</pre>
 *
 * <p>Attributes: {@code youtube.method.id}, {@code http.request.method}, {@code url.full} (without
 * the query), {@code http.response.status_code}, {@code youtube.error.reason}, {@code
 * youtube.retries}, {@code youtube.quota.units} and {@code youtube.quota.bucket}. Events: {@code
 * response} per attempt (status, bytes, latency), {@code attempt.failed}, {@code retry} (reason,
 * delay) and {@code token.refresh} (reason). A failed call's span has status {@code ERROR} and the
 * exception recorded (no exception of jyoutube's carries a secret).
 *
 * <p>Given as an interceptor too, it sends each call's span context along, with the propagators of
 * the OpenTelemetry instance (W3C {@code traceparent} and {@code tracestate} when configured so),
 * for proxies and gateways that join traces:
 *
 * <pre>{@code
 * OpenTelemetryCallTracing tracing = new OpenTelemetryCallTracing(openTelemetry);
 * YouTubeClient cli = YouTubeClient.builder().apiKey(key)
 *     .listener(tracing).interceptor(tracing).build();
 * }</pre>
 */
public final class OpenTelemetryCallTracing implements CallListener, CallInterceptor {

  /** The instrumentation's name, given to the tracer. */
  public static final String INSTRUMENTATION = "io.github.jyoutube";

  static final AttributeKey<String> METHOD_ID = AttributeKey.stringKey("youtube.method.id");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("youtube.error.reason");
  static final AttributeKey<Long> RETRIES = AttributeKey.longKey("youtube.retries");
  static final AttributeKey<Long> QUOTA_UNITS = AttributeKey.longKey("youtube.quota.units");
  static final AttributeKey<String> QUOTA_BUCKET = AttributeKey.stringKey("youtube.quota.bucket");
  private static final AttributeKey<Long> BYTES = AttributeKey.longKey("youtube.response.bytes");
  private static final AttributeKey<Long> LATENCY_MS = AttributeKey.longKey("youtube.latency_ms");
  private static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("youtube.delay_ms");
  private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.message");

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Map<Long, Span> open = new ConcurrentHashMap<>();

  /**
   * Traces with {@code openTelemetry}'s tracer provider.
   *
   * @param openTelemetry the OpenTelemetry instance whose tracer records the spans
   */
  public OpenTelemetryCallTracing(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION, YouTubeClient.VERSION);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** The spans begun and not yet ended: one per call in flight. */
  int openSpans() {
    return open.size();
  }

  @Override
  public void onEvent(CallEvent event) {
    long id = event.call().id();
    if (event instanceof CallEvent.Started started) {
      Span span =
          tracer
              .spanBuilder(started.call().methodId())
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(METHOD_ID, started.call().methodId())
              .setAttribute(HTTP_METHOD, started.call().httpMethod())
              .setAttribute(URL, started.call().url())
              .startSpan();
      open.put(id, span);
      return;
    }
    Span span = open.get(id);
    if (span == null) {
      return;
    }
    if (event instanceof CallEvent.Response response) {
      span.addEvent(
          "response",
          Attributes.of(
              STATUS,
              (long) response.statusCode(),
              BYTES,
              response.bytes(),
              LATENCY_MS,
              response.latency().toMillis()));
    } else if (event instanceof CallEvent.AttemptFailed failed) {
      span.addEvent(
          "attempt.failed",
          Attributes.of(ERROR, failed.error(), LATENCY_MS, failed.latency().toMillis()));
    } else if (event instanceof CallEvent.Retry retry) {
      span.addEvent(
          "retry", Attributes.of(REASON, retry.reason(), DELAY_MS, retry.delay().toMillis()));
    } else if (event instanceof CallEvent.Refresh refresh) {
      span.addEvent("token.refresh", Attributes.of(REASON, refresh.reason()));
    } else if (event instanceof CallEvent.QuotaCharged charged) {
      span.setAttribute(QUOTA_BUCKET, charged.bucket().name());
    } else if (event instanceof CallEvent.Finished finished) {
      open.remove(id);
      if (finished.statusCode() >= 0) {
        span.setAttribute(STATUS, (long) finished.statusCode());
      }
      span.setAttribute(RETRIES, (long) finished.retries());
      span.setAttribute(QUOTA_UNITS, finished.quotaUnits());
      if (!finished.succeeded()) {
        span.setAttribute(REASON, finished.reason());
        span.recordException(finished.failure());
        span.setStatus(StatusCode.ERROR, finished.reason());
      }
      span.end();
    }
  }

  /**
   * Adds the headers that carry the call's span context (none when the call has no span: this was
   * not given as a listener too, or the propagators write nothing).
   */
  @Override
  public RequestOptions intercept(CallInfo call, RequestOptions options) {
    Span span = open.get(call.id());
    if (span == null) {
      return options;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    propagator.inject(Context.current().with(span), headers, Map::put);
    RequestOptions with = options;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      with = with.withHeader(header.getKey(), header.getValue());
    }
    return with;
  }

  @Override
  public String toString() {
    return "OpenTelemetryCallTracing[" + open.size() + " open]";
  }
}
