/**
 * Metrics and traces of jyoutube's calls: {@link
 * io.github.jyoutube.observability.MicrometerCallMetrics} and {@link
 * io.github.jyoutube.observability.OpenTelemetryCallTracing}, call listeners of the client.
 */
module io.github.jyoutube.observability {
  requires transitive io.github.jyoutube;
  // Each optional, as in the POM: an application brings the one it uses, and its module reads it.
  // Transitive, since the constructors take their types (MeterRegistry, OpenTelemetry).
  requires static transitive io.opentelemetry.api;
  requires static transitive micrometer.core;

  exports io.github.jyoutube.observability;
}
