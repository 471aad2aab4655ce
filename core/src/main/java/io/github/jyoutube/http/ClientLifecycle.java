package io.github.jyoutube.http;

import java.util.Objects;

/**
 * Whether a client may still make calls, and what closing it releases.
 *
 * <p>A root lifecycle belongs to a client that owns threads and connections: closing it runs the
 * release action given to {@link #root}. A derived lifecycle ({@link #derived}) belongs to a client
 * that borrows its parent's (an account view, a client with other options): closing it only stops
 * its own calls, and it is closed as well once any ancestor is.
 */
public final class ClientLifecycle {

  private final ClientLifecycle parent;
  private final String description;
  private final Runnable release;
  private volatile boolean closed;

  private ClientLifecycle(ClientLifecycle parent, String description, Runnable release) {
    this.parent = parent;
    this.description = description;
    this.release = release;
  }

  /**
   * The lifecycle of a client that owns what it uses.
   *
   * @param release what closing releases (the client's connections and threads); it must not throw
   * @return the lifecycle
   */
  public static ClientLifecycle root(Runnable release) {
    return new ClientLifecycle(
        null, "this YouTubeClient", Objects.requireNonNull(release, "release == null"));
  }

  /**
   * The lifecycle of a client derived from this one's, which owns nothing.
   *
   * @param description names the derived client in messages, such as {@code "the view of account
   *     alice"}
   * @return the derived lifecycle
   */
  public ClientLifecycle derived(String description) {
    return new ClientLifecycle(
        this, Objects.requireNonNull(description, "description == null"), () -> {});
  }

  /** Closes this lifecycle and runs its release action, once; closing again does nothing. */
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    release.run();
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
