package io.github.jyoutube.error;

/** 404 Not Found: the resource does not exist or is not visible to the caller. */
public final class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorBody error) {
    super(error);
  }
}
