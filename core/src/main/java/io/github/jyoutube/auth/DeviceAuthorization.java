package io.github.jyoutube.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the device authorization endpoint answered (RFC 8628): the code the user enters at the
 * verification URL on another device, and the device code this client polls with.
 *
 * <p>The device code is a secret: {@link #toString()} never shows it. The lifetime and interval are
 * as the server sent them, kept within one second and one day.
 *
 * @param deviceCode the code the device polls with; a secret
 * @param userCode the code the user enters, such as {@code ABCD-EFGH}
 * @param verificationUrl where the user enters it, such as {@code https://www.google.com/device}
 * @param expiresIn how long the codes live
 * @param interval how long to wait between polls
 * @param expiresAt when the codes expire, by the client's clock
 */
public record DeviceAuthorization(
    String deviceCode,
    String userCode,
    String verificationUrl,
    Duration expiresIn,
    Duration interval,
    Instant expiresAt) {

  /**
   * Checks the parts.
   *
   * @param deviceCode the code the client polls with (a secret)
   * @param userCode the code the user types
   * @param verificationUrl where the user types it
   * @param expiresIn how long the codes live, in seconds
   * @param interval the wait between two polls, in seconds
   * @param expiresAt when the codes expire
   */
  public DeviceAuthorization {
    Objects.requireNonNull(deviceCode, "deviceCode == null");
    Objects.requireNonNull(userCode, "userCode == null");
    Objects.requireNonNull(verificationUrl, "verificationUrl == null");
    Objects.requireNonNull(expiresIn, "expiresIn == null");
    Objects.requireNonNull(interval, "interval == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
  }

  @Override
  public String toString() {
    return "DeviceAuthorization[deviceCode=(redacted), userCode="
        + userCode
        + ", verificationUrl="
        + verificationUrl
        + ", expiresIn="
        + expiresIn
        + ", interval="
        + interval
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
