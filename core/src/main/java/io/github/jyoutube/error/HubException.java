package io.github.jyoutube.error;

/**
 * A PubSubHubbub hub refused a subscription or unsubscription request: it answered with a status
 * other than 202 (accepted, verification pending) or 204 (verified and done).
 *
 * <p>Carries the status, the request's mode and topic, and the hub's plain-text answer (its first
 * 500 characters), such as {@code Invalid value for hub.mode} or, for a synchronous verification
 * that failed, {@code Error trying to confirm subscription}. The callback URL and the secret are
 * never part of the message.
 */
public final class HubException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  private static final int MAX_TEXT = 500;

  /** The hub's HTTP status. */
  private final int statusCode;

  /** {@code subscribe} or {@code unsubscribe}. */
  private final String mode;

  /** The topic URL of the refused request. */
  private final String topic;

  /** The hub's plain-text answer, trimmed. */
  private final String hubMessage;

  /**
   * Creates the exception.
   *
   * @param statusCode the hub's HTTP status
   * @param mode {@code subscribe} or {@code unsubscribe}
   * @param topic the topic URL of the request
   * @param hubMessage the hub's answer as text; only its first 500 characters are kept
   */
  public HubException(int statusCode, String mode, String topic, String hubMessage) {
    super(describe(statusCode, mode, topic, shorten(hubMessage)), null);
    this.statusCode = statusCode;
    this.mode = mode;
    this.topic = topic;
    this.hubMessage = shorten(hubMessage);
  }

  /** {@return the hub's HTTP status} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return {@code subscribe} or {@code unsubscribe}} */
  public String mode() {
    return mode;
  }

  /** {@return the topic URL of the refused request} */
  public String topic() {
    return topic;
  }

  /**
   * {@return the hub's plain-text answer, trimmed, at most 500 characters; empty when it sent none}
   */
  public String hubMessage() {
    return hubMessage;
  }

  private static String describe(int statusCode, String mode, String topic, String text) {
    return "the hub refused to "
        + mode
        + " "
        + topic
        + " ("
        + statusCode
        + ")"
        + (text.isEmpty() ? "" : ": " + text);
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    String trimmed = text.strip();
    return trimmed.length() <= MAX_TEXT ? trimmed : trimmed.substring(0, MAX_TEXT) + "…";
  }
}
