package io.github.jyoutube.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636): a random verifier and its S256 challenge. */
final class Pkce {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** A verifier of 43 characters (256 random bits), within RFC 7636's 43 to 128. */
  static String newVerifier(SecureRandom random) {
    return randomToken(random);
  }

  /** 256 random bits, base64url without padding. */
  static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** {@code BASE64URL(SHA-256(ASCII(verifier)))}. */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
