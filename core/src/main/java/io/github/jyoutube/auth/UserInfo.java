package io.github.jyoutube.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed-in user's OpenID Connect profile, from the user info endpoint.
 *
 * @param sub the user's stable identifier
 * @param name the full name, or {@code null}
 * @param givenName the given name, or {@code null}
 * @param familyName the family name, or {@code null}
 * @param picture the profile picture URL, or {@code null}
 * @param locale the locale, or {@code null}
 * @param email the email address, when the {@code email} scope was granted, or {@code null}
 * @param emailVerified whether the email address is verified, or {@code null}
 * @param additionalProperties other claims, kept as sent
 */
public record UserInfo(
    String sub,
    String name,
    String givenName,
    String familyName,
    String picture,
    String locale,
    String email,
    Boolean emailVerified,
    Map<String, Object> additionalProperties) {

  /**
   * Copies the extra claims.
   *
   * @param sub the value for the {@code sub} record component
   * @param name the value for the {@code name} record component
   * @param givenName the value for the {@code givenName} record component
   * @param familyName the value for the {@code familyName} record component
   * @param picture the value for the {@code picture} record component
   * @param locale the value for the {@code locale} record component
   * @param email the value for the {@code email} record component
   * @param emailVerified the value for the {@code emailVerified} record component
   * @param additionalProperties the value for the {@code additionalProperties} record component
   */
  public UserInfo {
    additionalProperties =
        additionalProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
  }
}
