package io.github.jyoutube.push;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One subscription request to the hub, or what a {@link PushNotificationHandler} expects of the
 * hub: a channel's feed (the topic), the callback the hub calls, the mode and the options (lease,
 * secret, verification). {@link #toString()} never shows the secret.
 *
 * @param channelId the channel whose uploads are followed, such as {@code UC_x5XG1OV2P6uZZ5FSM9Ttw}
 * @param topic the topic URL, {@link PushNotifications#topic(String)} of the channel
 * @param callback the subscriber's callback URL, where the hub sends verifications and
 *     notifications
 * @param mode subscribe or unsubscribe
 * @param options the lease, secret and verification mode
 */
public record HubSubscription(
    String channelId, String topic, URI callback, Mode mode, SubscribeOptions options) {

  /** {@code hub.mode}. */
  public enum Mode {
    /** Start (or renew) the subscription. */
    SUBSCRIBE,
    /** End it. */
    UNSUBSCRIBE;

    /** {@return the parameter's value: {@code subscribe} or {@code unsubscribe}} */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a {@code hub.mode} value, or {@code null} for another value. */
    static Mode of(String value) {
      if ("subscribe".equals(value)) {
        return SUBSCRIBE;
      }
      if ("unsubscribe".equals(value)) {
        return UNSUBSCRIBE;
      }
      return null;
    }
  }

  /**
   * Checks the parts.
   *
   * @param channelId the value for the {@code channelId} record component
   * @param topic the value for the {@code topic} record component
   * @param callback the value for the {@code callback} record component
   * @param mode the value for the {@code mode} record component
   * @param options the value for the {@code options} record component
   * @throws IllegalArgumentException if the channel ID is blank or the callback is not an absolute
   *     {@code http} or {@code https} URL
   */
  public HubSubscription {
    channelId = PushNotifications.checkChannelId(channelId);
    Objects.requireNonNull(topic, "topic == null");
    Objects.requireNonNull(callback, "callback == null");
    String scheme =
        callback.getScheme() == null ? "" : callback.getScheme().toLowerCase(Locale.ROOT);
    if (!callback.isAbsolute()
        || callback.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "callback must be an absolute http or https URL: " + callback);
    }
    Objects.requireNonNull(mode, "mode == null");
    Objects.requireNonNull(options, "options == null");
  }

  /**
   * A subscription to {@code channelId}'s feed, delivered to {@code callbackUrl}.
   *
   * @param channelId the channel
   * @param callbackUrl the absolute {@code http} or {@code https} callback URL
   * @param options the lease, secret and verification mode
   * @return the subscription
   */
  public static HubSubscription subscribe(
      String channelId, String callbackUrl, SubscribeOptions options) {
    return new HubSubscription(
        channelId,
        PushNotifications.topic(channelId),
        callbackUri(callbackUrl),
        Mode.SUBSCRIBE,
        options);
  }

  /**
   * The unsubscription of {@code channelId}'s feed from {@code callbackUrl}.
   *
   * @param channelId the channel's ID
   * @param callbackUrl the public URL of the receiver
   * @param options the options of the subscription
   * @return the unsubscription
   */
  public static HubSubscription unsubscribe(
      String channelId, String callbackUrl, SubscribeOptions options) {
    return new HubSubscription(
        channelId,
        PushNotifications.topic(channelId),
        callbackUri(callbackUrl),
        Mode.UNSUBSCRIBE,
        options);
  }

  /** {@return the secret that signs notifications, or {@code null}} */
  public String secret() {
    return options.secret();
  }

  private static URI callbackUri(String callbackUrl) {
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    try {
      return new URI(callbackUrl);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("callback is not a URL: " + e.getMessage(), e);
    }
  }
}
