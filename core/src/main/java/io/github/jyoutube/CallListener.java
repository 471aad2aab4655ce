package io.github.jyoutube;

/**
 * Sees every call the client makes, for metrics, traces or logs: given to {@link
 * YouTubeClient.Builder#listener}, it receives each {@link CallEvent} on the thread that makes the
 * call, in order. It should be quick; a listener that throws is logged and skipped, never breaking
 * the call.
 *
 * <pre>{@code
 * YouTubeClient cli = YouTubeClient.builder().apiKey(key)
 *     .listener(event -> {
 *       if (event instanceof CallEvent.Finished f) {
 *         System.out.println(f.call().methodId() + " " + f.statusCode() + " " + f.elapsed());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The module {@code jyoutube-observability} has a Micrometer binder and an OpenTelemetry
 * instrumentation built on it.
 */
@FunctionalInterface
public interface CallListener {

  /**
   * Called for each event of each call.
   *
   * @param event what happened
   */
  void onEvent(CallEvent event);
}
