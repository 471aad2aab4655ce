package io.github.jyoutube.auth;

import java.util.List;
import java.util.Objects;

/**
 * What an authorization URL asks for. Every option has the seed's default: redirect URI {@code
 * https://localhost/} (or the client's own), scopes {@link Scopes#DEFAULT}, a random state, {@code
 * access_type=offline}, {@code prompt=select_account} and PKCE on.
 *
 * @param redirectUri where Google sends the user back, or {@code null} for the client's default
 * @param scopes the scopes to ask for
 * @param state the state to carry, or {@code null} for a random one of 256 bits
 * @param accessType {@code offline} (a refresh token is issued) or {@code online}
 * @param prompt {@code select_account}, {@code consent}, {@code none}, or {@code null} to send none
 * @param loginHint an email or subject to preselect the account, or {@code null}
 * @param includeGrantedScopes whether to ask for incremental authorization
 * @param pkce whether to send a PKCE {@code S256} code challenge
 */
public record AuthorizationOptions(
    String redirectUri,
    List<String> scopes,
    String state,
    String accessType,
    String prompt,
    String loginHint,
    boolean includeGrantedScopes,
    boolean pkce) {

  /**
   * Checks and copies the options.
   *
   * @param redirectUri the value for the {@code redirectUri} record component
   * @param scopes the value for the {@code scopes} record component
   * @param state the value for the {@code state} record component
   * @param accessType the value for the {@code accessType} record component
   * @param prompt the value for the {@code prompt} record component
   * @param loginHint the value for the {@code loginHint} record component
   * @param includeGrantedScopes the value for the {@code includeGrantedScopes} record component
   * @param pkce the value for the {@code pkce} record component
   */
  public AuthorizationOptions {
    scopes = List.copyOf(scopes);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must not be empty");
    }
    Objects.requireNonNull(accessType, "accessType == null");
    if (state != null && state.isEmpty()) {
      throw new IllegalArgumentException("state must not be empty");
    }
  }

  /**
   * The seed's defaults.
   *
   * @return the default options
   */
  public static AuthorizationOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options.
   *
   * @return a builder starting from these options
   */
  public Builder toBuilder() {
    return new Builder()
        .redirectUri(redirectUri)
        .scopes(scopes)
        .state(state)
        .accessType(accessType)
        .prompt(prompt)
        .loginHint(loginHint)
        .includeGrantedScopes(includeGrantedScopes)
        .pkce(pkce);
  }

  /** Builds {@link AuthorizationOptions}. */
  public static final class Builder {
    private String redirectUri;
    private List<String> scopes = Scopes.DEFAULT;
    private String state;
    private String accessType = "offline";
    private String prompt = "select_account";
    private String loginHint;
    private boolean includeGrantedScopes;
    private boolean pkce = true;

    private Builder() {}

    /**
     * Where Google sends the user back; {@code null} for the client's default.
     *
     * @param redirectUri where Google sends the user back; {@code null} for the client's default
     * @return this builder
     */
    public Builder redirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * The scopes to ask for.
     *
     * @param scopes the scopes to ask for
     * @return this builder
     */
    public Builder scopes(List<String> scopes) {
      this.scopes = Objects.requireNonNull(scopes, "scopes == null");
      return this;
    }

    /**
     * The scopes to ask for.
     *
     * @param scopes the scopes to ask for
     * @return this builder
     */
    public Builder scopes(String... scopes) {
      return scopes(List.of(scopes));
    }

    /**
     * The state to carry; {@code null} for a random one.
     *
     * @param state the state to carry; {@code null} for a random one
     * @return this builder
     */
    public Builder state(String state) {
      this.state = state;
      return this;
    }

    /**
     * {@code offline} (the default) or {@code online}.
     *
     * @param accessType {@code offline} (the default) or {@code online}
     * @return this builder
     */
    public Builder accessType(String accessType) {
      this.accessType = accessType;
      return this;
    }

    /**
     * {@code select_account} (the default), {@code consent}, {@code none}, or {@code null}.
     *
     * @param prompt {@code select_account} (the default), {@code consent}, {@code none}, or {@code
     *     null}
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * An email address or subject to preselect the account.
     *
     * @param loginHint an email address or subject to preselect the account
     * @return this builder
     */
    public Builder loginHint(String loginHint) {
      this.loginHint = loginHint;
      return this;
    }

    /**
     * Whether to ask for incremental authorization ({@code include_granted_scopes=true}).
     *
     * @param includeGrantedScopes whether to ask for incremental authorization ({@code
     *     include_granted_scopes=true})
     * @return this builder
     */
    public Builder includeGrantedScopes(boolean includeGrantedScopes) {
      this.includeGrantedScopes = includeGrantedScopes;
      return this;
    }

    /**
     * Whether to send a PKCE challenge (on by default).
     *
     * @param pkce whether to send a PKCE challenge (on by default)
     * @return this builder
     */
    public Builder pkce(boolean pkce) {
      this.pkce = pkce;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public AuthorizationOptions build() {
      return new AuthorizationOptions(
          redirectUri, scopes, state, accessType, prompt, loginHint, includeGrantedScopes, pkce);
    }
  }
}
