package io.github.jyoutube.error;

import java.util.List;
import java.util.Locale;

/**
 * 403 Forbidden for a reason other than quota or rate limits, such as {@code
 * insufficientPermissions} or {@code forbidden}.
 *
 * <p>When the token lacks a scope the method needs ({@link #insufficientScope()}), a request of
 * this library says which: the message ends with, for example, {@code captions.list needs one of
 * these scopes: https://www.googleapis.com/auth/youtube.force-ssl,
 * https://www.googleapis.com/auth/youtubepartner; the token has:
 * https://www.googleapis.com/auth/youtube.readonly}, and {@link #acceptedScopes()} and {@link
 * #grantedScopes()} hold the lists. The accepted scopes come from the discovery document.
 */
public final class ForbiddenException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** The method called, or {@code null} when unknown. */
  private final String method;

  private final transient List<String> acceptedScopes;

  private final transient List<String> grantedScopes;

  ForbiddenException(ErrorBody error) {
    super(error);
    this.method = null;
    this.acceptedScopes = List.of();
    this.grantedScopes = List.of();
  }

  ForbiddenException(
      ErrorBody error, String method, List<String> acceptedScopes, List<String> grantedScopes) {
    super(error, scopeSentence(method, acceptedScopes, grantedScopes));
    this.method = method;
    this.acceptedScopes = List.copyOf(acceptedScopes);
    this.grantedScopes = List.copyOf(grantedScopes);
  }

  /**
   * Whether the token was refused for want of a scope: the reason {@code insufficientPermissions},
   * or {@code error="insufficient_scope"} in the {@code WWW-Authenticate} header.
   *
   * @return whether the token lacks a scope the method needs
   */
  public boolean insufficientScope() {
    for (ErrorDetail detail : errors()) {
      if ("insufficientPermissions".equals(detail.reason())) {
        return true;
      }
    }
    for (String challenge : headers().getOrDefault("www-authenticate", List.of())) {
      if (challenge.toLowerCase(Locale.ROOT).contains("insufficient_scope")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method that was called, such as {@code captions.list}, when the request named it.
   *
   * @return the method, or {@code null} if unknown
   */
  public String method() {
    return method;
  }

  /**
   * The scopes that allow the method (a token needs any one of them), from the discovery document;
   * empty unless {@link #insufficientScope()} and the request knew its method.
   *
   * @return the accepted scopes, full URLs
   */
  public List<String> acceptedScopes() {
    return acceptedScopes == null ? List.of() : acceptedScopes;
  }

  /**
   * The scopes of the token that was refused, as the token endpoint granted them; empty when
   * unknown.
   *
   * @return the token's scopes, full URLs
   */
  public List<String> grantedScopes() {
    return grantedScopes == null ? List.of() : grantedScopes;
  }

  private static String scopeSentence(String method, List<String> accepted, List<String> granted) {
    return method
        + (accepted.size() == 1 ? " needs the scope: " : " needs one of these scopes: ")
        + String.join(", ", accepted)
        + (granted.isEmpty() ? "" : "; the token has: " + String.join(", ", granted));
  }
}
