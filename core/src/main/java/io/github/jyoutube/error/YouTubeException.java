package io.github.jyoutube.error;

/**
 * The root of every exception the client throws for a failed call.
 *
 * <p>It is unchecked and sealed: a caller can catch it whole, or switch over its eleven branches:
 * {@link ApiException} (the API answered with an error), {@link OAuthException} (Google's OAuth
 * endpoints or the authorization redirect refused), {@link TransportException} (no usable answer
 * arrived), {@link DecodeException} (an answer arrived but could not be read), {@link
 * MediaException} (the file or stream of an upload or download failed on this machine), {@link
 * HubException} (a PubSubHubbub hub refused a push notification subscription), {@link
 * UnresolvedChannelException} (a channel reference led to no channel), {@link WaitException} (a
 * wait for a resource's state ended otherwise), {@link QuotaBudgetExceededException} (a call was
 * not sent because it would pass a daily quota budget the client was given), {@link
 * QuotaLedgerException} (the quota ledger could not be read or written) and {@link
 * TokenStoreException} (a token store could not give or keep a token). Programming errors, such as
 * a missing required parameter, are reported with {@link IllegalArgumentException} or {@link
 * IllegalStateException} before any request is sent.
 *
 * <p>No message of this hierarchy contains an access token, refresh token, client secret,
 * authorization code or PKCE verifier.
 */
public abstract sealed class YouTubeException extends RuntimeException
    permits ApiException,
        OAuthException,
        TransportException,
        DecodeException,
        MediaException,
        QuotaBudgetExceededException,
        QuotaLedgerException,
        HubException,
        UnresolvedChannelException,
        WaitException,
        TokenStoreException {

  private static final long serialVersionUID = 1L;

  YouTubeException(String message, Throwable cause) {
    super(message, cause);
  }
}
