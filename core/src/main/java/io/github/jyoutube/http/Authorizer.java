package io.github.jyoutube.http;

import java.util.List;

/** Supplies the credential of each attempt, and renews it when the API rejects it. */
public interface Authorizer {

  /**
   * The credential header for the next attempt, refreshed first if it is about to expire.
   *
   * @return the header to send
   * @throws IllegalStateException if the client has no credential at all
   */
  Credential header();

  /**
   * Called after the API answered 401 to a request that carried {@code rejected}.
   *
   * @param rejected the header the rejected request carried
   * @return {@code true} if a different credential is now available and the request should be sent
   *     again; {@code false} if there is nothing better to try
   */
  boolean renewAfterRejection(Credential rejected);

  /**
   * How many refreshes this authorizer has completed so far: a call whose credential took a refresh
   * (its own, or one it waited for) sees the count change.
   *
   * @return the refreshes completed, 0 for a credential that never refreshes
   */
  default long refreshes() {
    return 0;
  }

  /**
   * The scopes of the current credential, as the token endpoint granted them, for messages.
   *
   * @return the scopes, full URLs; empty when unknown (an API key, a token given without them)
   */
  default List<String> grantedScopes() {
    return List.of();
  }
}
