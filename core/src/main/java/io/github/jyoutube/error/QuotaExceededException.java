package io.github.jyoutube.error;

/**
 * The project's daily quota is spent (403 {@code quotaExceeded}). Never retried: the quota resets
 * at midnight Pacific Time.
 */
public final class QuotaExceededException extends ApiException {

  private static final long serialVersionUID = 1L;

  QuotaExceededException(ErrorBody error) {
    super(error);
  }
}
