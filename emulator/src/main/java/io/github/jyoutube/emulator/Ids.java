package io.github.jyoutube.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Ids and secrets in YouTube's alphabet ({@code A-Z a-z 0-9 - _}). */
final class Ids {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** {@code length} random characters. */
  static String random(int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /** {@code length} upper-case consonants, easy to read and type: a device user code. */
  static String letters(int length) {
    String consonants = "BCDFGHJKLMNPQRSTVWXZ";
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(consonants.charAt(RANDOM.nextInt(consonants.length())));
    }
    return code.toString();
  }

  /** {@code length} characters derived from {@code seed}: the same seed, the same id. */
  static String derived(String seed, int length) {
    StringBuilder id = new StringBuilder(length);
    byte[] digest = sha256(seed);
    int round = 0;
    while (id.length() < length) {
      for (byte b : digest) {
        if (id.length() == length) {
          break;
        }
        id.append(ALPHABET.charAt((b & 0xff) % 64));
      }
      digest = sha256(seed + (++round));
    }
    return id.toString();
  }

  /** A random video id: 11 characters. */
  static String video() {
    return random(11);
  }

  /** A random playlist id: {@code PL} and 32 characters. */
  static String playlist() {
    return "PL" + random(32);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
