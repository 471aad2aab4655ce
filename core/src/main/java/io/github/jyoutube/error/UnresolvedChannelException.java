package io.github.jyoutube.error;

import java.util.Objects;

/**
 * What a user gave as a channel (a handle, a channel, video or playlist URL, a username) could not
 * be turned into a channel id: it is not a form of channel reference the client knows, or the API
 * knows no channel, video or playlist by it.
 *
 * <p>Carries the input as given and why it failed; the message names both.
 */
public final class UnresolvedChannelException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** Why the input could not be resolved. */
  public enum Reason {
    /** The text is no form of channel reference: not a handle, id, or YouTube URL of one. */
    UNRECOGNIZED,
    /** The text is a channel reference, but the API knows nothing by it. */
    NOT_FOUND,
    /**
     * The reference names something that has no single channel (a personal list such as {@code
     * LL}), or a form the API has no lookup for (a custom {@code /c/} URL that is neither a handle
     * nor a username, when searching is not allowed).
     */
    NO_LOOKUP
  }

  /** The reference as given. */
  private final String input;

  /** Why it led to no channel. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param input the text as given
   * @param reason why it failed
   * @param detail what was tried or what is wrong, for the message
   */
  public UnresolvedChannelException(String input, Reason reason, String detail) {
    super("cannot resolve a channel from '" + input + "': " + detail, null);
    this.input = Objects.requireNonNull(input, "input == null");
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** {@return the text as given} */
  public String input() {
    return input;
  }

  /** {@return why it failed} */
  public Reason reason() {
    return reason;
  }
}
