package io.github.jyoutube.error;

/** A 5xx answer; retried with backoff before it is thrown. */
public final class ServerErrorException extends ApiException {

  private static final long serialVersionUID = 1L;

  ServerErrorException(ErrorBody error) {
    super(error);
  }
}
