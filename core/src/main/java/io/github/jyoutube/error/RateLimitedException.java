package io.github.jyoutube.error;

/**
 * Too many requests in a short time: 429, or the reasons {@code rateLimitExceeded} and {@code
 * userRateLimitExceeded}. Retried with backoff before it is thrown.
 */
public final class RateLimitedException extends ApiException {

  private static final long serialVersionUID = 1L;

  RateLimitedException(ErrorBody error) {
    super(error);
  }
}
