package io.github.jyoutube.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body publisher that pulls one buffer at a time from a source, as the HTTP client asks for them:
 * nothing is read ahead beyond the client's demand, and nothing is copied that the source does not
 * copy.
 */
final class PullPublisher implements HttpRequest.BodyPublisher {

  /** Where the buffers come from; one per subscription. */
  interface Source {
    /** The next buffer, or {@code null} at the end. */
    ByteBuffer next() throws IOException;

    /** Releases the source; called once, at the end, on error or on cancel. */
    default void close() throws IOException {}
  }

  /** Opens a source for one subscription. */
  interface Opener {
    Source open() throws IOException;
  }

  private final long length;
  private final Opener opener;

  PullPublisher(long length, Opener opener) {
    this.length = length;
    this.opener = Objects.requireNonNull(opener, "opener == null");
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    Subscription subscription = new Subscription(subscriber);
    subscriber.onSubscribe(subscription);
  }

  private final class Subscription implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean cancelled;
    private boolean done;
    private Source source;

    Subscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancelled = true;
        subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
        return;
      }
      demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    /** Emits while there is demand; only one thread at a time runs the loop. */
    private void drain() {
      if (work.getAndIncrement() != 0) {
        return;
      }
      do {
        if (!done && cancelled) {
          finish();
        }
        while (!done && !cancelled && demand.get() > 0) {
          ByteBuffer next;
          try {
            if (source == null) {
              source = opener.open();
            }
            next = source.next();
          } catch (IOException | RuntimeException e) {
            finish();
            subscriber.onError(e);
            break;
          }
          if (next == null) {
            finish();
            subscriber.onComplete();
            break;
          }
          demand.decrementAndGet();
          subscriber.onNext(next);
        }
      } while (work.decrementAndGet() != 0);
    }

    private void finish() {
      done = true;
      if (source != null) {
        try {
          source.close();
        } catch (IOException ignored) {
          // Nothing more to read from it either way.
        }
      }
    }
  }
}
