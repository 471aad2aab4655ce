package io.github.jyoutube.error;

/** 401 Unauthorized: the credential is missing, expired or revoked. */
public final class UnauthorizedException extends ApiException {

  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorBody error) {
    super(error);
  }
}
