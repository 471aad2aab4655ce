package io.github.jyoutube.error;

/**
 * The root of every exception the client throws for a call that failed, whether its request was
 * sent or stopped before (by a quota budget, the quota ledger or a token store), and for the
 * recipes and waiters that cannot give what was asked; {@code executeAsync()} fails its future with
 * the same exception.
 *
 * <p>It is unchecked and sealed: a caller can catch it whole, or switch over its twelve branches:
 * {@link ApiException} (the API answered with an error), {@link OAuthException} (Google's OAuth
 * endpoints or the authorization redirect refused), {@link TransportException} (no usable answer
 * arrived), {@link DecodeException} (an answer arrived but could not be read), {@link
 * MediaException} (the file or stream of an upload or download failed on this machine), {@link
 * HubException} (a PubSubHubbub hub refused a push notification subscription), {@link
 * UnresolvedChannelException} (a channel reference led to no channel), {@link WaitException} (a
 * wait for a resource's state ended otherwise), {@link QuotaBudgetExceededException} (a call was
 * not sent because it would pass a daily quota budget the client was given), {@link
 * QuotaLedgerException} (the quota ledger could not be read or written), {@link
 * TokenStoreException} (a token store could not give or keep a token) and {@link
 * CallRefusedException} (an interceptor the client was given refused the call).
 *
 * <p>Mistakes in the calling code are reported before any request with the JDK's exceptions: {@link
 * IllegalArgumentException} for a missing required parameter or a value out of bounds, {@link
 * NullPointerException} for a {@code null} argument the library needs, {@link
 * IllegalStateException} for what the client's configuration cannot do (an API call before any
 * token, OAuth without a client ID). A local file that cannot be read or written outside an upload
 * or download (client secrets, the file token store) is an {@link java.io.UncheckedIOException},
 * and a {@link io.github.jyoutube.auth.TokenStore} of the caller's own passes its exceptions
 * through.
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
        TokenStoreException,
        CallRefusedException {

  private static final long serialVersionUID = 1L;

  YouTubeException(String message, Throwable cause) {
    super(message, cause);
  }
}
