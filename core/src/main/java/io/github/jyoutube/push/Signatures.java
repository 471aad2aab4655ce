package io.github.jyoutube.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hub-Signature}: {@code METHOD=HEX}, the HMAC of the body keyed with the subscription's
 * secret. Google's hub signs with {@code sha1}; {@code sha256}, {@code sha384} and {@code sha512}
 * (WebSub) are accepted too.
 */
final class Signatures {

  private Signatures() {}

  /** The header value for {@code body}: {@code method=hex}. */
  static String sign(String method, String secret, byte[] body) {
    return method + "=" + HexFormat.of().formatHex(hmac(algorithm(method), secret, body));
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} with {@code secret}, compared in
   * constant time.
   */
  static boolean valid(String header, String secret, byte[] body) {
    if (header == null || secret == null) {
      return false;
    }
    String value = header.strip();
    int eq = value.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    String algorithm = algorithm(value.substring(0, eq).toLowerCase(Locale.ROOT));
    if (algorithm == null) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(eq + 1).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(algorithm, secret, body), given);
  }

  private static String algorithm(String method) {
    return switch (method) {
      case "sha1" -> "HmacSHA1";
      case "sha256" -> "HmacSHA256";
      case "sha384" -> "HmacSHA384";
      case "sha512" -> "HmacSHA512";
      default -> null;
    };
  }

  private static byte[] hmac(String algorithm, String secret, byte[] body) {
    if (algorithm == null) {
      throw new IllegalArgumentException("unknown signature method");
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
