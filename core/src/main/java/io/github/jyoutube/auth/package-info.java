/**
 * OAuth 2.0 for the YouTube Data API: authorization URLs with PKCE, the code exchange, token
 * refresh and revocation, and where tokens are kept.
 *
 * <p>Parameters and return values are non-null unless documented otherwise. No type here shows a
 * token, secret, code or verifier in its {@code toString()}.
 */
package io.github.jyoutube.auth;
