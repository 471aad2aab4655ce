package io.github.jyoutube.error;

/**
 * One entry of the {@code error.errors[]} array of Google's JSON error body.
 *
 * @param reason the machine-readable reason, such as {@code quotaExceeded} or {@code
 *     videoNotFound}; {@code null} if absent
 * @param domain the error domain, such as {@code youtube.quota}; {@code null} if absent
 * @param message the human-readable message; {@code null} if absent
 * @param location the parameter or header the error is about, such as {@code part}; {@code null} if
 *     absent
 * @param locationType what {@code location} names, such as {@code parameter}; {@code null} if
 *     absent
 */
public record ErrorDetail(
    String reason, String domain, String message, String location, String locationType) {}
