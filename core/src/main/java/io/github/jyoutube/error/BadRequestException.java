package io.github.jyoutube.error;

/** 400 Bad Request: the request was malformed; fix it rather than retry. */
public final class BadRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorBody error) {
    super(error);
  }
}
