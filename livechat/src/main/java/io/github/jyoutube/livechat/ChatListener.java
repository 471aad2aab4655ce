package io.github.jyoutube.livechat;

import io.github.jyoutube.error.YouTubeException;

/**
 * Receives a live chat's events, in order, on one thread of the chat's own ({@link
 * LiveChat#listen}). A slow listener slows the reading (the buffer between them is bounded); it
 * loses nothing.
 */
@FunctionalInterface
public interface ChatListener {

  /**
   * One event, delivered once.
   *
   * @param event the event
   */
  void onEvent(ChatEvent event);

  /** The chat ended ({@code chatEndedEvent}, or the broadcast went offline); nothing follows. */
  default void onEnd() {}

  /**
   * The chat cannot be read any more: refused ({@link io.github.jyoutube.error.ForbiddenException},
   * {@link io.github.jyoutube.error.NotFoundException}, …), or unreachable after every retry
   * ({@link io.github.jyoutube.error.TransportException}). Nothing follows.
   *
   * @param error the error
   */
  default void onError(YouTubeException error) {}
}
