package io.github.jyoutube.testing;

import io.github.jyoutube.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each delay and returns at once. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    delays.add(duration);
  }

  /** The delays asked for, in order. */
  public List<Duration> delays() {
    return List.copyOf(delays);
  }
}
