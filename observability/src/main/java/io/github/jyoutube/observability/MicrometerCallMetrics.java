package io.github.jyoutube.observability;

import io.github.jyoutube.CallEvent;
import io.github.jyoutube.CallListener;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * jyoutube's calls as Micrometer meters: a listener of the client and a binder of the registry.
 *
 * <pre>{@code
 * MicrometerCallMetrics metrics = new MicrometerCallMetrics();
 * YouTubeClient cli = YouTubeClient.builder().apiKey(key).listener(metrics).build();
 * metrics.watchQuota(cli.quota()).bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code jyoutube.calls}</td><td>timer</td>
 *       <td>{@code method}, {@code status}, {@code outcome} ({@code success}/{@code failure}),
 *       {@code reason}</td></tr>
 *   <tr><td>{@code jyoutube.call.attempts}</td><td>counter</td><td>{@code method},
 *       {@code status} ({@code io} when no answer came)</td></tr>
 *   <tr><td>{@code jyoutube.call.retries}</td><td>counter</td><td>{@code method},
 *       {@code reason}</td></tr>
 *   <tr><td>{@code jyoutube.token.refreshes}</td><td>counter</td><td>{@code reason}
 *       ({@code expiring}/{@code rejected})</td></tr>
 *   <tr><td>{@code jyoutube.quota.units}</td><td>counter</td><td>{@code method},
 *       {@code bucket}</td></tr>
 *   <tr><td>{@code jyoutube.response.bytes}</td><td>summary</td><td>{@code method}</td></tr>
 *   <tr><td>{@code jyoutube.quota.spent.today}</td><td>gauge</td><td>{@code bucket}: what
 *       {@link #watchQuota watched} meters counted today</td></tr>
 * </table>
 *
 * <p>Events that arrive before {@link #bindTo} are not counted.
 */
public final class MicrometerCallMetrics implements CallListener, MeterBinder {

  private static final String NONE = "none";

  private final List<QuotaMeter> quotaMeters = new CopyOnWriteArrayList<>();
  private volatile MeterRegistry registry;

  /** Metrics not yet bound: bind them with {@link #bindTo}. */
  public MicrometerCallMetrics() {}

  /**
   * Metrics bound to {@code registry}.
   *
   * @param registry the registry the meters are registered with
   */
  public MicrometerCallMetrics(MeterRegistry registry) {
    bindTo(registry);
  }

  /**
   * Gauges what {@code meter} (a client's {@link io.github.jyoutube.YouTubeClient#quota()}) has
   * spent today, per bucket; several meters add up.
   *
   * @param meter a client's quota meter
   * @return these metrics
   */
  public MicrometerCallMetrics watchQuota(QuotaMeter meter) {
    quotaMeters.add(Objects.requireNonNull(meter, "meter == null"));
    return this;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry == null");
    for (QuotaBucket bucket : QuotaBucket.values()) {
      Gauge.builder(
              "jyoutube.quota.spent.today",
              quotaMeters,
              meters -> meters.stream().mapToLong(m -> m.spentToday(bucket)).sum())
          .description("Quota units the watched clients spent today (Pacific Time)")
          .tag("bucket", bucket.name())
          .baseUnit("units")
          .register(registry);
    }
    this.registry = registry;
  }

  @Override
  public void onEvent(CallEvent event) {
    MeterRegistry bound = registry;
    if (bound == null) {
      return;
    }
    String method = event.call().methodId();
    if (event instanceof CallEvent.Finished finished) {
      Timer.builder("jyoutube.calls")
          .description(
              "Calls of the YouTube Data API and Google's OAuth endpoints, retries included")
          .tag("method", method)
          .tag("status", finished.statusCode() < 0 ? NONE : String.valueOf(finished.statusCode()))
          .tag("outcome", finished.succeeded() ? "success" : "failure")
          .tag("reason", finished.reason() == null ? NONE : finished.reason())
          .register(bound)
          .record(finished.elapsed());
    } else if (event instanceof CallEvent.Response response) {
      Counter.builder("jyoutube.call.attempts")
          .tag("method", method)
          .tag("status", String.valueOf(response.statusCode()))
          .register(bound)
          .increment();
      DistributionSummary.builder("jyoutube.response.bytes")
          .baseUnit("bytes")
          .tag("method", method)
          .register(bound)
          .record(response.bytes());
    } else if (event instanceof CallEvent.AttemptFailed) {
      Counter.builder("jyoutube.call.attempts")
          .tag("method", method)
          .tag("status", "io")
          .register(bound)
          .increment();
    } else if (event instanceof CallEvent.Retry retry) {
      Counter.builder("jyoutube.call.retries")
          .tag("method", method)
          .tag("reason", retry.reason())
          .register(bound)
          .increment();
    } else if (event instanceof CallEvent.Refresh refresh) {
      Counter.builder("jyoutube.token.refreshes")
          .tag("reason", refresh.reason())
          .register(bound)
          .increment();
    } else if (event instanceof CallEvent.QuotaCharged charged) {
      Counter.builder("jyoutube.quota.units")
          .baseUnit("units")
          .tag("method", method)
          .tag("bucket", charged.bucket().name())
          .register(bound)
          .increment(charged.units());
    }
  }

  @Override
  public String toString() {
    return "MicrometerCallMetrics[" + (registry == null ? "not bound" : "bound") + "]";
  }
}
