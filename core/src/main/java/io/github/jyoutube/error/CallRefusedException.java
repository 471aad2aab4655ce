package io.github.jyoutube.error;

import java.util.Objects;

/**
 * A {@link io.github.jyoutube.CallInterceptor} refused a call: nothing was sent and no quota was
 * counted. The cause is what the interceptor threw.
 */
public final class CallRefusedException extends YouTubeException {

  private static final long serialVersionUID = 1L;

  /** The refused call's method, such as {@code youtube.videos.insert}. */
  private final String methodId;

  /**
   * Creates the exception.
   *
   * @param methodId the refused call's method, such as {@code youtube.videos.insert}
   * @param cause what the interceptor threw
   */
  public CallRefusedException(String methodId, RuntimeException cause) {
    super(
        Objects.requireNonNull(methodId, "methodId == null")
            + " refused by an interceptor: "
            + Objects.requireNonNull(cause, "cause == null"),
        cause);
    this.methodId = methodId;
  }

  /** {@return the refused call's method, such as {@code youtube.videos.insert}} */
  public String methodId() {
    return methodId;
  }
}
