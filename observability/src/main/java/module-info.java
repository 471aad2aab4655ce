/**
 * Metrics and traces of jyoutube's calls: {@link
 * io.github.jyoutube.observability.MicrometerCallMetrics} and {@link
 * io.github.jyoutube.observability.OpenTelemetryCallTracing}, call listeners of the client (the
 * latter also an interceptor that sends the span context along).
 */
module io.github.jyoutube.observability {
  requires transitive io.github.jyoutube;
  // Each optional, as in the POM: an application brings the one it uses, and its module reads it.
  // Transitive, since the constructors take their types (MeterRegistry, OpenTelemetry).
  requires static transitive io.opentelemetry.api;
  // The span context that calls carry along (Context, its propagators).
  requires static io.opentelemetry.context;
  requires static transitive micrometer.core;

  exports io.github.jyoutube.observability;
}
