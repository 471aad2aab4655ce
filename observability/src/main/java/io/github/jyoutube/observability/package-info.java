/**
 * Metrics and traces of jyoutube's calls: {@link
 * io.github.jyoutube.observability.MicrometerCallMetrics} (Micrometer) and {@link
 * io.github.jyoutube.observability.OpenTelemetryCallTracing} (OpenTelemetry), both {@link
 * io.github.jyoutube.CallListener}s to give to the client's builder. Each needs its library on the
 * class path; the module declares both as optional.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.observability;
