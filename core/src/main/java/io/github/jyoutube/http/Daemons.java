package io.github.jyoutube.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's threads: daemons, so that none keeps a JVM alive, named for thread dumps. */
public final class Daemons {

  private Daemons() {}

  /**
   * A daemon thread, not started.
   *
   * @param task what it runs
   * @param name its name
   * @return the thread
   */
  public static Thread thread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Makes daemon threads named {@code prefix} and a number counted by this factory: {@code
   * jyoutube-async-1}, {@code jyoutube-async-2}, ….
   *
   * @param prefix the names' beginning, such as {@code "jyoutube-async-"}
   * @return the factory
   */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> thread(task, prefix + count.incrementAndGet());
  }
}
