package io.github.jyoutube.push;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The optional parameters of a hub subscription: {@code hub.lease_seconds}, {@code hub.secret} and
 * {@code hub.verify}. Immutable; each {@code with} method returns a copy. {@link #defaults()} sends
 * none of them, and the hub picks: Google's hub grants a lease of five days and verifies
 * asynchronously.
 */
public final class SubscribeOptions {

  /** The longest secret the hub accepts, in bytes (WebSub: fewer than 200). */
  public static final int MAX_SECRET_BYTES = 199;

  private static final SubscribeOptions DEFAULTS = new SubscribeOptions(null, null, null);

  private final Integer leaseSeconds;
  private final String secret;
  private final Verify verify;

  /** How the hub verifies the callback: {@code hub.verify}. */
  public enum Verify {
    /** Before it answers the subscription request: 204 means verified, and active. */
    SYNC("sync"),
    /** After it answered 202: the callback may see the verification request at any later time. */
    ASYNC("async");

    private final String value;

    Verify(String value) {
      this.value = value;
    }

    /** {@return the parameter's value, {@code sync} or {@code async}} */
    public String value() {
      return value;
    }
  }

  private SubscribeOptions(Integer leaseSeconds, String secret, Verify verify) {
    this.leaseSeconds = leaseSeconds;
    this.secret = secret;
    this.verify = verify;
  }

  /**
   * No lease, no secret, no verification mode: the hub's defaults.
   *
   * @return the hub's defaults
   */
  public static SubscribeOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Asks for a lease of {@code seconds} ({@code hub.lease_seconds}); the hub may grant another, and
   * says which in its verification request.
   *
   * @param seconds the lease asked for, in seconds
   * @return a copy with that lease
   * @throws IllegalArgumentException if {@code seconds} is not positive
   */
  public SubscribeOptions withLeaseSeconds(int seconds) {
    if (seconds <= 0) {
      throw new IllegalArgumentException("leaseSeconds must be positive: " + seconds);
    }
    return new SubscribeOptions(seconds, secret, verify);
  }

  /**
   * Has the hub sign every notification with HMAC keyed with {@code secret} ({@code hub.secret},
   * header {@code X-Hub-Signature}). Use a random one per subscription, and give the same options
   * to {@link PushNotificationHandler} (through {@link PushNotifications#subscribe(String, String,
   * SubscribeOptions, PushNotificationHandler)} or {@link PushNotificationHandler#expect}), which
   * then refuses unsigned and badly signed bodies. Send it over {@code https} only.
   *
   * @param secret the secret
   * @return a copy with that secret
   * @throws IllegalArgumentException if it is empty or longer than 199 bytes in UTF-8
   */
  public SubscribeOptions withSecret(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret must be 1 to " + MAX_SECRET_BYTES + " bytes in UTF-8: " + bytes + " bytes");
    }
    return new SubscribeOptions(leaseSeconds, secret, verify);
  }

  /**
   * Asks the hub to verify synchronously or asynchronously ({@code hub.verify}).
   *
   * @param verify the verification mode
   * @return a copy with that mode
   */
  public SubscribeOptions withVerify(Verify verify) {
    return new SubscribeOptions(
        leaseSeconds, secret, Objects.requireNonNull(verify, "verify == null"));
  }

  /** {@return the lease asked for, or {@code null} to let the hub choose} */
  public Integer leaseSeconds() {
    return leaseSeconds;
  }

  /**
   * {@return the secret, or {@code null} for unsigned notifications} Never shown by {@link
   * #toString()}.
   */
  public String secret() {
    return secret;
  }

  /** {@return the verification mode asked for, or {@code null} to let the hub choose} */
  public Verify verify() {
    return verify;
  }

  @Override
  public String toString() {
    return "SubscribeOptions[leaseSeconds="
        + leaseSeconds
        + ", secret="
        + (secret == null ? "none" : "(redacted)")
        + ", verify="
        + (verify == null ? "hub's default" : verify.value())
        + "]";
  }
}
