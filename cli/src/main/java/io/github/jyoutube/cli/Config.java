package io.github.jyoutube.cli;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.ClientSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's configuration directory, {@code <config dir>/jyoutube}: {@code token.json} (the token
 * store) and {@code client_secret.json} (the OAuth client last given, in Google's {@code installed}
 * format). The config dir is {@code --config-dir}, else {@code $XDG_CONFIG_HOME}, else {@code
 * ~/.config}. Both files are written owner-only.
 */
final class Config {

  static final String TOKEN_FILE = "token.json";
  static final String CLIENT_FILE = "client_secret.json";

  private final Path dir;

  private Config(Path dir) {
    this.dir = dir;
  }

  /** The directory for {@code --config-dir} (or {@code null}) in {@code env}. */
  static Config resolve(Path configDirOption, CliEnvironment env) {
    Path base;
    if (configDirOption != null) {
      base = configDirOption;
    } else {
      String xdg = env.variable("XDG_CONFIG_HOME");
      // The XDG spec says a relative path is invalid and must be ignored.
      base =
          xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : env.home().resolve(".config");
    }
    return new Config(base.toAbsolutePath().normalize().resolve("jyoutube"));
  }

  /** {@code <config dir>/jyoutube}. */
  Path dir() {
    return dir;
  }

  Path tokenFile() {
    return dir.resolve(TOKEN_FILE);
  }

  Path clientFile() {
    return dir.resolve(CLIENT_FILE);
  }

  /** The OAuth client remembered from an earlier run, if any. */
  Optional<ClientSecrets> savedClient() {
    Path file = clientFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ClientSecrets.read(file));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw CliException.usage(
          "the remembered OAuth client in " + file + " is unreadable: " + e.getMessage(),
          "delete it, or pass --client-secrets FILE");
    }
  }

  /** Remembers {@code client} for later runs, unless the same is remembered already. */
  void saveClient(ClientSecrets client) {
    if (savedClientQuietly().filter(client::equals).isPresent()) {
      return;
    }
    Map<String, Object> installed = new LinkedHashMap<>();
    installed.put("client_id", client.clientId());
    installed.put("client_secret", client.clientSecret());
    if (!client.redirectUris().isEmpty()) {
      installed.put("redirect_uris", client.redirectUris());
    }
    writeOwnerOnly(
        clientFile(), Json.write(Map.of("installed", installed)).getBytes(StandardCharsets.UTF_8));
  }

  private Optional<ClientSecrets> savedClientQuietly() {
    try {
      return savedClient();
    } catch (CliException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code bytes} to {@code file} atomically, readable by its owner only. */
  static void writeOwnerOnly(Path file, byte[] bytes) {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
      temporary =
          posix
              ? Files.createTempFile(
                  directory,
                  "." + file.getFileName() + ".",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
      Files.write(temporary, bytes);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage(), null, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Best effort.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Config[" + dir + "]";
  }
}
