package io.github.jyoutube.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a client may still make calls, and what closing it releases.
 *
 * <p>A root lifecycle belongs to a client that owns threads and connections: closing it runs the
 * release actions registered with {@link #onClose}. A derived lifecycle ({@link #derived}) belongs
 * to a client that borrows its parent's (an account view, a client with other options): closing it
 * only stops its own calls, and it is closed as well once any ancestor is.
 */
public final class ClientLifecycle {

  private final ClientLifecycle parent;
  private final String description;
  private final List<Runnable> releases = new ArrayList<>(); // guarded by this
  private volatile boolean closed;

  private ClientLifecycle(ClientLifecycle parent, String description) {
    this.parent = parent;
    this.description = description;
  }

  /** {@return the lifecycle of a client that owns what it uses} */
  public static ClientLifecycle root() {
    return new ClientLifecycle(null, "this YouTubeClient");
  }

  /**
   * The lifecycle of a client derived from this one's, which owns nothing.
   *
   * @param description names the derived client in messages, such as {@code "the view of account
   *     alice"}
   * @return the derived lifecycle
   */
  public ClientLifecycle derived(String description) {
    return new ClientLifecycle(this, Objects.requireNonNull(description, "description == null"));
  }

  /**
   * Registers what closing this lifecycle releases, run in the order registered.
   *
   * @param release a release action; it must not throw
   */
  public synchronized void onClose(Runnable release) {
    releases.add(Objects.requireNonNull(release, "release == null"));
  }

  /**
   * Closes this lifecycle and runs its release actions, once.
   *
   * @return whether this call closed it (false when it was closed already)
   */
  public boolean close() {
    List<Runnable> toRun;
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      toRun = List.copyOf(releases);
      releases.clear();
    }
    RuntimeException first = null;
    for (Runnable release : toRun) {
      try {
        release.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return true;
  }

  /** {@return whether this lifecycle, or one it derives from, is closed} */
  public boolean isClosed() {
    for (ClientLifecycle l = this; l != null; l = l.parent) {
      if (l.closed) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fails when a call may not be made.
   *
   * @throws IllegalStateException naming what was closed
   */
  public void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(
          parent == null
              ? "this YouTubeClient is closed: its connections and threads were released; build a"
                  + " new client"
              : description + " is closed; derive a new one from its client");
    }
    for (ClientLifecycle l = parent; l != null; l = l.parent) {
      if (l.closed) {
        throw new IllegalStateException(
            "the YouTubeClient that "
                + description
                + " was derived from is closed: its connections and threads were released, and"
                + " the clients derived from it cannot make calls");
      }
    }
  }

  @Override
  public String toString() {
    return description + (isClosed() ? " (closed)" : "");
  }
}
