package io.github.jyoutube.error;

/**
 * 403 Forbidden for a reason other than quota or rate limits, such as {@code
 * insufficientPermissions} or {@code forbidden}.
 */
public final class ForbiddenException extends ApiException {

  private static final long serialVersionUID = 1L;

  ForbiddenException(ErrorBody error) {
    super(error);
  }
}
