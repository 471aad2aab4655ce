package io.github.jyoutube.error;

/** 409 Conflict: the request conflicts with the resource's current state. */
public final class ConflictException extends ApiException {

  private static final long serialVersionUID = 1L;

  ConflictException(ErrorBody error) {
    super(error);
  }
}
