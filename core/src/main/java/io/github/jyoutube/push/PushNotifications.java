package io.github.jyoutube.push;

import io.github.jyoutube.error.HubException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.http.Constructors;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.http.HttpExecutor;
import io.github.jyoutube.http.HttpResult;
import io.github.jyoutube.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Subscribes callbacks to channels' upload feeds at YouTube's PubSubHubbub hub ({@code
 * https://pubsubhubbub.appspot.com/subscribe}, {@link io.github.jyoutube.Endpoints#hub()}). Get one
 * from {@code cli.pushNotifications()}.
 *
 * <p>Each call is one form POST with {@code hub.mode}, {@code hub.topic} ({@code
 * https://www.youtube.com/xml/feeds/videos.xml?channel_id=CHANNEL_ID}), {@code hub.callback} and
 * the {@link SubscribeOptions options}. The hub answers 202 (accepted: it will verify the callback
 * later) or 204 (verified already, with {@code hub.verify=sync}); any other answer is a {@link
 * HubException} with the hub's text. The request carries no credential. A request that got no
 * answer, a 429 or a 5xx is sent again with the client's backoff: subscribing twice only renews the
 * subscription.
 *
 * <p>The hub verifies the callback by calling it (a GET with {@code hub.challenge}), so the
 * callback must answer before, or while, the subscription is made: pass the {@link
 * PushNotificationHandler} that serves the callback to {@link #subscribe(String, String,
 * SubscribeOptions, PushNotificationHandler)}, which tells it what to expect first.
 */
public final class PushNotifications {

  /** The topic URL of a channel's feed, before the channel ID. */
  public static final String TOPIC_PREFIX =
      "https://www.youtube.com/xml/feeds/videos.xml?channel_id=";

  static {
    Constructors.handOver(
        PushNotifications.class, Constructors.OfPushNotifications.class, PushNotifications::new);
  }

  private final HttpExecutor executor;
  private final URI hub;

  /**
   * Creates the service; {@code cli.pushNotifications()} does.
   *
   * @param executor sends the requests, with the client's transport and retry policy
   * @param hub the hub's subscription endpoint
   */
  PushNotifications(HttpExecutor executor, URI hub) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.hub = Objects.requireNonNull(hub, "hub == null");
  }

  /** {@return the hub's subscription endpoint} */
  public URI hub() {
    return hub;
  }

  /**
   * The topic URL of {@code channelId}'s uploads: {@code
   * https://www.youtube.com/xml/feeds/videos.xml?channel_id=CHANNEL_ID}.
   *
   * @param channelId the channel's ID
   * @return the topic URL
   * @throws IllegalArgumentException if {@code channelId} is blank or holds characters no channel
   *     ID has
   */
  public static String topic(String channelId) {
    return TOPIC_PREFIX + checkChannelId(channelId);
  }

  /**
   * The channel ID of a topic URL of the form {@link #topic(String)} gives, over {@code http} or
   * {@code https}, or {@code null} for another URL (a malformed one included); never throws.
   *
   * @param topic a topic URL
   * @return the channel ID, or {@code null}
   */
  public static String channelIdOf(String topic) {
    if (topic == null) {
      return null;
    }
    String rest;
    if (topic.startsWith("https://")) {
      rest = topic.substring("https://".length());
    } else if (topic.startsWith("http://")) {
      rest = topic.substring("http://".length());
    } else {
      return null;
    }
    String path = TOPIC_PREFIX.substring("https://".length(), TOPIC_PREFIX.indexOf('?'));
    if (!rest.startsWith(path + "?")) {
      return null;
    }
    for (String pair : rest.substring(path.length() + 1).split("&")) {
      if (pair.startsWith("channel_id=")) {
        String id;
        try {
          id = URLDecoder.decode(pair.substring("channel_id=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null; // a malformed %-escape: no channel ID
        }
        return isChannelId(id) ? id : null;
      }
    }
    return null;
  }

  /**
   * Subscribes {@code callbackUrl} to {@code channelId}'s uploads with the hub's defaults.
   *
   * @param channelId the channel's ID
   * @param callbackUrl the public URL of the receiver
   * @return the subscription made
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public HubSubscription subscribe(String channelId, String callbackUrl) {
    return subscribe(channelId, callbackUrl, SubscribeOptions.defaults());
  }

  /**
   * Subscribes {@code callbackUrl} to {@code channelId}'s uploads.
   *
   * @param channelId the channel, such as {@code UC_x5XG1OV2P6uZZ5FSM9Ttw}
   * @param callbackUrl the absolute {@code http} or {@code https} URL the hub will call
   * @param options the lease, secret and verification mode
   * @return the subscription made
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public HubSubscription subscribe(String channelId, String callbackUrl, SubscribeOptions options) {
    HubSubscription subscription = HubSubscription.subscribe(channelId, callbackUrl, options);
    send(subscription);
    return subscription;
  }

  /**
   * Subscribes, after telling {@code handler} to expect the hub's verification and its
   * notifications, signed with the options' secret. If the hub refuses, the handler forgets the
   * subscription again.
   *
   * @param channelId the channel
   * @param callbackUrl the URL where {@code handler} answers
   * @param options the lease, secret and verification mode
   * @param handler the handler behind {@code callbackUrl}
   * @return the subscription made
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public HubSubscription subscribe(
      String channelId,
      String callbackUrl,
      SubscribeOptions options,
      PushNotificationHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    HubSubscription subscription = HubSubscription.subscribe(channelId, callbackUrl, options);
    PushNotificationHandler.Expectation previous = handler.expectInternal(subscription);
    try {
      send(subscription);
    } catch (RuntimeException e) {
      handler.restore(subscription.topic(), previous);
      throw e;
    }
    return subscription;
  }

  /**
   * Unsubscribes {@code callbackUrl} from {@code channelId}'s uploads.
   *
   * @param channelId the channel's ID
   * @param callbackUrl the public URL of the receiver
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public void unsubscribe(String channelId, String callbackUrl) {
    unsubscribe(channelId, callbackUrl, SubscribeOptions.defaults());
  }

  /**
   * Unsubscribes {@code callbackUrl} from {@code channelId}'s uploads; of the options, only the
   * verification mode counts.
   *
   * @param channelId the channel's ID
   * @param callbackUrl the public URL of the receiver
   * @param options the options; only the verification mode counts
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public void unsubscribe(String channelId, String callbackUrl, SubscribeOptions options) {
    send(HubSubscription.unsubscribe(channelId, callbackUrl, options));
  }

  /**
   * Unsubscribes, after telling {@code handler} to confirm the hub's verification of the
   * unsubscription. The handler goes on accepting notifications of the channel until the hub
   * verified it.
   *
   * @param channelId the channel's ID
   * @param callbackUrl the public URL of the receiver
   * @param options the options; only the verification mode counts
   * @param handler the handler that serves the callback
   * @throws HubException if the hub refused
   * @throws TransportException if the hub could not be reached
   */
  public void unsubscribe(
      String channelId,
      String callbackUrl,
      SubscribeOptions options,
      PushNotificationHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    HubSubscription subscription = HubSubscription.unsubscribe(channelId, callbackUrl, options);
    PushNotificationHandler.Expectation previous = handler.expectInternal(subscription);
    try {
      send(subscription);
    } catch (RuntimeException e) {
      handler.restore(subscription.topic(), previous);
      throw e;
    }
  }

  /** The form body of {@code subscription}'s request, in the order the hub documents. */
  static Map<String, String> form(HubSubscription subscription) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("hub.callback", subscription.callback().toString());
    form.put("hub.mode", subscription.mode().value());
    form.put("hub.topic", subscription.topic());
    SubscribeOptions options = subscription.options();
    if (options.verify() != null) {
      form.put("hub.verify", options.verify().value());
    }
    if (subscription.mode() == HubSubscription.Mode.SUBSCRIBE) {
      if (options.leaseSeconds() != null) {
        form.put("hub.lease_seconds", String.valueOf(options.leaseSeconds()));
      }
      if (options.secret() != null) {
        form.put("hub.secret", options.secret());
      }
    }
    return form;
  }

  private void send(HubSubscription subscription) {
    StringJoiner body = new StringJoiner("&");
    form(subscription)
        .forEach(
            (name, value) ->
                body.add(
                    URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    HttpCall call =
        new HttpCall(
            "POST",
            hub,
            Map.of("Accept", "text/plain, */*"),
            null,
            "application/x-www-form-urlencoded",
            false,
            HttpCall.Dialect.API,
            null);
    Duration timeout = executor.requestTimeout();
    int retries = 0;
    while (true) {
      HttpResult result;
      try {
        result = executor.exchange(call, RequestBody.ofBytes(bytes, 0, bytes.length), timeout);
      } catch (IOException e) {
        if (retries < executor.policy().maxRetries()) {
          executor.pause(executor.policy().backoff(retries++));
          continue;
        }
        throw new TransportException(
            call.describe() + " failed after " + retries + " retries: " + e, e);
      }
      int status = result.statusCode();
      if (status == 202 || status == 204) {
        return;
      }
      if ((status == 429 || status >= 500) && retries < executor.policy().maxRetries()) {
        Duration delay = executor.retryDelay(result, retries);
        if (delay != null) {
          retries++;
          executor.pause(delay);
          continue;
        }
      }
      throw new HubException(
          status, subscription.mode().value(), subscription.topic(), hubText(result));
    }
  }

  private static String hubText(HttpResult result) {
    String type = result.header("content-type");
    String text = result.bodyText();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
      text = text.replaceAll("(?s)<[^>]*>", " ");
    }
    return text.replaceAll("\\s+", " ").strip();
  }

  static String checkChannelId(String channelId) {
    Objects.requireNonNull(channelId, "channelId == null");
    if (!isChannelId(channelId)) {
      throw new IllegalArgumentException(
          "not a channel ID (letters, digits, '-' and '_'): '" + channelId + "'");
    }
    return channelId;
  }

  private static boolean isChannelId(String id) {
    return !id.isEmpty() && id.length() <= 64 && id.matches("[A-Za-z0-9_-]+");
  }
}
