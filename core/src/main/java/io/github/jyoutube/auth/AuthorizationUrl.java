package io.github.jyoutube.auth;

/**
 * The consent page URL to send the user to, and the {@code state} it carries.
 *
 * <p>The state comes back on the redirect; the client refuses a redirect whose state it did not
 * issue.
 *
 * @param url the full authorization URL
 * @param state the state parameter in it
 */
public record AuthorizationUrl(String url, String state) {}
