package io.github.jyoutube.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.QuotaExceededException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a loopback server that answers 503 once, then 200, then 403 quotaExceeded: the meters in
 * a SimpleMeterRegistry and the spans in an in-memory exporter say what happened.
 */
class ObservabilityTest {

  private static final String OK = "{\"items\":[{\"kind\":\"youtube#video\",\"id\":\"v1\"}]}";
  private static final String BUSY =
      "{\"error\":{\"code\":503,\"message\":\"busy\",\"errors\":[{\"reason\":\"backendError\","
          + "\"domain\":\"global\",\"message\":\"busy\"}]}}";
  private static final String QUOTA =
      "{\"error\":{\"code\":403,\"message\":\"quota\",\"errors\":[{\"reason\":\"quotaExceeded\","
          + "\"domain\":\"youtube.quota\",\"message\":\"quota\"}]}}";

  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();
  private final List<String> traceparents = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private OpenTelemetrySdk openTelemetry;
  private YouTubeClient cli;
  private MicrometerCallMetrics metrics;
  private OpenTelemetryCallTracing tracing;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/youtube/v3/videos",
        exchange -> {
          int n = served.getAndIncrement();
          traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
          int status = n == 0 ? 503 : n == 1 ? 200 : 403;
          byte[] body = (n == 0 ? BUSY : n == 1 ? OK : QUOTA).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    openTelemetry =
        OpenTelemetrySdk.builder()
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    metrics = new MicrometerCallMetrics();
    tracing = new OpenTelemetryCallTracing(openTelemetry);
    cli =
        YouTubeClient.builder()
            .accessToken("ya29.secret")
            .endpoints(
                Endpoints.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")))
            .sleeper(d -> {})
            .listener(metrics)
            .listener(tracing)
            .interceptor(tracing)
            .build();
    metrics.watchQuota(cli.quota()).bindTo(registry);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    openTelemetry.close();
  }

  private void twoCalls() {
    cli.videos().list().id("v1").execute();
    assertThatThrownBy(() -> cli.videos().list().id("v1").execute())
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void micrometerCountsCallsAttemptsRetriesAndQuota() {
    twoCalls();

    assertThat(
            registry
                .get("jyoutube.calls")
                .tags("method", "youtube.videos.list", "outcome", "success", "status", "200")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("jyoutube.calls")
                .tags("outcome", "failure", "status", "403", "reason", "quotaExceeded")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("jyoutube.call.attempts").tags("status", "503").counter().count())
        .isEqualTo(1);
    assertThat(
            registry.get("jyoutube.call.retries").tags("reason", "backendError").counter().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("jyoutube.quota.units")
                .tags("method", "youtube.videos.list", "bucket", "DEFAULT")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(registry.get("jyoutube.quota.spent.today").tags("bucket", "DEFAULT").gauge().value())
        .isEqualTo(3);
    assertThat(registry.get("jyoutube.response.bytes").summary().totalAmount())
        .isGreaterThanOrEqualTo(OK.length());
  }

  @Test
  void openTelemetryMakesOneClientSpanPerCallWithItsOutcome() {
    twoCalls();

    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(2);
    SpanData ok = finished.get(0);
    assertThat(ok.getName()).isEqualTo("youtube.videos.list");
    assertThat(ok.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.METHOD_ID))
        .isEqualTo("youtube.videos.list");
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.STATUS)).isEqualTo(200L);
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.RETRIES)).isEqualTo(1L);
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.QUOTA_UNITS)).isEqualTo(2L);
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.QUOTA_BUCKET)).isEqualTo("DEFAULT");
    assertThat(ok.getAttributes().get(OpenTelemetryCallTracing.URL)).doesNotContain("?");
    assertThat(ok.getEvents())
        .extracting(e -> e.getName())
        .containsExactly("response", "retry", "response");
    assertThat(ok.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData failed = finished.get(1);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(OpenTelemetryCallTracing.REASON))
        .isEqualTo("quotaExceeded");
    assertThat(failed.getAttributes().get(OpenTelemetryCallTracing.STATUS)).isEqualTo(403L);
    assertThat(failed.getEvents()).extracting(e -> e.getName()).contains("exception");
    assertThat(finished.toString()).doesNotContain("ya29.secret");
    assertThat(tracing.openSpans()).isZero();
  }

  @Test
  void eachCallCarriesItsSpanContextToTheServerOnEveryAttempt() {
    twoCalls();

    List<SpanData> finished = spans.getFinishedSpanItems();
    String first = traceparent(finished.get(0));
    String second = traceparent(finished.get(1));
    // The first call was answered 503 and sent again: both attempts carry its span.
    assertThat(traceparents).containsExactly(first, first, second);
  }

  private static String traceparent(SpanData span) {
    return "00-"
        + span.getTraceId()
        + "-"
        + span.getSpanId()
        + "-"
        + span.getSpanContext().getTraceFlags().asHex();
  }
}
