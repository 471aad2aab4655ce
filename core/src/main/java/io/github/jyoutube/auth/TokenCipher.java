package io.github.jyoutube.auth;

import io.github.jyoutube.Json;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.TokenStoreException;
import io.github.jyoutube.error.TokenStoreException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens for storage: AES-GCM with the application's key, a random 12-byte nonce per token
 * sealed, and the account key as associated data, so that a token moved to another account's row
 * fails to open. Sealed form, in base64: a format byte (1), the key's 8-byte id (HMAC-SHA256 of a
 * fixed label under the key: tells a token sealed with another key from a damaged one, and reveals
 * nothing of the key), the nonce, then the ciphertext and its 16-byte tag.
 */
final class TokenCipher {

  private static final byte FORMAT = 1;
  private static final int KEY_ID_BYTES = 8;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final int HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES;
  private static final byte[] KEY_ID_LABEL =
      "jyoutube token store key id".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey key;
  private final byte[] keyId;
  private final SecureRandom random = new SecureRandom();

  TokenCipher(SecretKey key) {
    Objects.requireNonNull(key, "key == null");
    if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "the token key must be an AES key (new SecretKeySpec(bytes, \"AES\")), not "
              + key.getAlgorithm());
    }
    byte[] raw = key.getEncoded();
    if (raw == null) {
      throw new IllegalArgumentException(
          "the token key must be a raw AES key whose bytes the JVM can read (getEncoded())");
    }
    try {
      if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
        throw new IllegalArgumentException(
            "the token key must be 16, 24 or 32 bytes long (AES-128, -192 or -256), not "
                + raw.length);
      }
      this.key = new SecretKeySpec(raw, "AES");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      this.keyId = Arrays.copyOf(mac.doFinal(KEY_ID_LABEL), KEY_ID_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute HMAC-SHA256: " + e, e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** {@return the key's id in hex, which names the key in messages without revealing it} */
  String keyId() {
    return HexFormat.of().formatHex(keyId);
  }

  /** {@return {@code token} sealed for {@code account}, in base64} */
  String seal(String account, AccessToken token) {
    byte[] plain = Json.writeBytes(token);
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + sealed.length);
      out.put(FORMAT).put(keyId).put(nonce).put(sealed);
      return Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot encrypt with AES-GCM: " + e, e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Opens what {@link #seal} made for {@code account}.
   *
   * @throws TokenStoreException {@link Kind#WRONG_KEY} if it was sealed with another key, {@link
   *     Kind#CORRUPTED} if it is not a token sealed for this account
   */
  AccessToken open(String account, String sealed) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw corrupted(account, "it is not base64");
    }
    if (bytes.length < HEADER_BYTES + TAG_BYTES) {
      throw corrupted(
          account,
          "it is truncated: "
              + bytes.length
              + " bytes, where a sealed token has at least "
              + (HEADER_BYTES + TAG_BYTES));
    }
    if (bytes[0] != FORMAT) {
      throw corrupted(account, "its format byte is " + bytes[0] + ", not " + FORMAT);
    }
    byte[] storedKeyId = Arrays.copyOfRange(bytes, 1, 1 + KEY_ID_BYTES);
    if (!MessageDigest.isEqual(storedKeyId, keyId)) {
      throw new TokenStoreException(
          Kind.WRONG_KEY,
          account,
          "the stored token of account "
              + account
              + " was encrypted with another key (key id "
              + HexFormat.of().formatHex(storedKeyId)
              + "; this store's key has id "
              + keyId()
              + "): give the store the key it was written with",
          null);
    }
    byte[] plain = null;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BYTES * 8, bytes, 1 + KEY_ID_BYTES, NONCE_BYTES));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      plain = cipher.doFinal(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
      return Json.parse(plain, AccessToken.class);
    } catch (AEADBadTagException e) {
      throw corrupted(
          account,
          "it fails authentication: the stored bytes were altered or damaged, or were written for"
              + " another account");
    } catch (DecodeException | IllegalArgumentException e) {
      throw corrupted(account, "it decrypts to something other than a token");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot decrypt with AES-GCM: " + e, e);
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** The stored token of {@code account} cannot be used, because of {@code why}. */
  static TokenStoreException corrupted(String account, String why) {
    return new TokenStoreException(
        Kind.CORRUPTED,
        account,
        "the stored token of account " + account + " is unusable: " + why,
        null);
  }

  @Override
  public String toString() {
    return "TokenCipher[AES-GCM, key id " + keyId() + "]";
  }
}
