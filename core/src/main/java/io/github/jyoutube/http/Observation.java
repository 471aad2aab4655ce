package io.github.jyoutube.http;

import io.github.jyoutube.CallEvent;
import io.github.jyoutube.CallInfo;
import io.github.jyoutube.CallListener;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.OAuthException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of one call, sent to the client's listeners; a client without listeners gets {@link
 * #NONE}, which does nothing and costs nothing.
 */
class Observation {

  private static final System.Logger LOG = System.getLogger("io.github.jyoutube.http");
  private static final AtomicLong IDS = new AtomicLong();

  /** For clients without listeners. */
  static final Observation NONE = new Observation();

  /** Starts observing a call, or {@link #NONE} when nobody listens. */
  static Observation start(List<CallListener> listeners, HttpCall call, String methodId) {
    if (listeners.isEmpty()) {
      return NONE;
    }
    return new Active(listeners, call, methodId);
  }

  private Observation() {}

  /**
   * {@return the call as listeners see it: this observation's, or a new one when nobody listens}
   */
  CallInfo info(HttpCall call, String methodId) {
    return describe(call, methodId);
  }

  private static CallInfo describe(HttpCall call, String methodId) {
    String url = call.describe().substring(call.method().length() + 1);
    return new CallInfo(
        IDS.incrementAndGet(), methodId != null ? methodId : name(call, url), call.method(), url);
  }

  private static String name(HttpCall call, String url) {
    if (call.dialect() == HttpCall.Dialect.OAUTH) {
      String path = call.uri().getPath() == null ? "" : call.uri().getPath();
      return "oauth2." + path.replaceFirst("^/+", "").replace('/', '.');
    }
    return call.method() + " " + url;
  }

  /** Whether anybody listens. */
  boolean active() {
    return false;
  }

  void attempt() {}

  void response(int statusCode, long bytes, long startedNanos) {}

  void attemptFailed(Exception error, long startedNanos) {}

  void retry(String reason, Duration wait) {}

  void refresh(String reason) {}

  void charged(QuotaCost cost) {}

  void statusCode(int statusCode) {}

  void finished() {}

  void failed(Throwable failure) {}

  /** The events of a call somebody listens to. */
  private static final class Active extends Observation {
    private final List<CallListener> listeners;
    private final CallInfo info;
    private final long startedNanos = System.nanoTime();
    private int attempts;
    private int retries;
    private long units;
    private int lastStatus = -1;
    private boolean ended;

    Active(List<CallListener> listeners, HttpCall call, String methodId) {
      this.listeners = listeners;
      this.info = describe(call, methodId);
      emit(new CallEvent.Started(info));
    }

    @Override
    CallInfo info(HttpCall call, String methodId) {
      return info;
    }

    @Override
    boolean active() {
      return true;
    }

    @Override
    void attempt() {
      emit(new CallEvent.Attempt(info, ++attempts));
    }

    @Override
    void response(int statusCode, long bytes, long startedNanos) {
      lastStatus = statusCode;
      emit(new CallEvent.Response(info, attempts, statusCode, bytes, since(startedNanos)));
    }

    @Override
    void attemptFailed(Exception error, long startedNanos) {
      emit(
          new CallEvent.AttemptFailed(
              info,
              attempts,
              error.getClass().getSimpleName() + ": " + error.getMessage(),
              since(startedNanos)));
    }

    @Override
    void retry(String reason, Duration wait) {
      emit(new CallEvent.Retry(info, ++retries, reason, wait));
    }

    @Override
    void refresh(String reason) {
      emit(new CallEvent.Refresh(info, reason));
    }

    @Override
    void charged(QuotaCost cost) {
      units += cost.units();
      emit(new CallEvent.QuotaCharged(info, cost.bucket(), cost.units()));
    }

    @Override
    void statusCode(int statusCode) {
      lastStatus = statusCode;
    }

    @Override
    void finished() {
      end(lastStatus, null, null);
    }

    @Override
    void failed(Throwable failure) {
      int status = lastStatus;
      String reason;
      if (failure instanceof ApiException api) {
        status = api.statusCode();
        reason = api.reason() != null ? api.reason() : String.valueOf(api.statusCode());
      } else if (failure instanceof OAuthException oauth) {
        status = oauth.statusCode();
        reason = oauth.error() != null ? oauth.error() : "oauth";
      } else if (failure instanceof DecodeException decode) {
        status = decode.statusCode();
        reason = "decode";
      } else {
        reason = failure.getClass().getSimpleName();
      }
      end(status, reason, failure);
    }

    private void end(int status, String reason, Throwable failure) {
      if (ended) {
        return;
      }
      ended = true;
      emit(
          new CallEvent.Finished(
              info, status, reason, retries, units, since(startedNanos), failure));
    }

    private static Duration since(long startedNanos) {
      return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void emit(CallEvent event) {
      for (CallListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "call listener {0} failed on {1}: {2}",
              listener.getClass().getName(),
              event.getClass().getSimpleName(),
              e.toString());
        }
      }
    }
  }
}
