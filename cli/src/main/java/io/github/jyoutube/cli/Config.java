package io.github.jyoutube.cli;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.ClientSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CLI's configuration directory, {@code <config dir>/jyoutube}: {@code token.json} (the token
 * store of the default account), {@code token-NAME.json} (that of account {@code NAME}; see {@link
 * Accounts}), {@code accounts.json} (who each account is, for {@code auth list}; no secrets) and
 * {@code client_secret.json} (the OAuth client last given, in Google's {@code installed} format).
 * The config dir is {@code --config-dir}, else {@code $XDG_CONFIG_HOME}, else {@code ~/.config}.
 * Every file is written owner-only.
 */
final class Config {

  static final String TOKEN_FILE = "token.json";
  static final String CLIENT_FILE = "client_secret.json";
  static final String ACCOUNTS_FILE = "accounts.json";

  /** The most accounts {@code auth list} reads: a bound on a directory anyone may fill. */
  static final int MAX_ACCOUNTS = 1000;

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

  /** The token file of {@code account} (a name {@link Accounts#check checked} already). */
  Path tokenFile(String account) {
    return dir.resolve(Accounts.tokenFileName(account));
  }

  /** The accounts that have a token file, the default one first, then by name. */
  List<String> accounts() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "token*.json")) {
      for (Path file : files) {
        String account = Accounts.fromTokenFileName(file.getFileName().toString());
        if (account != null && Files.isRegularFile(file)) {
          names.add(account);
          if (names.size() == MAX_ACCOUNTS) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot list " + dir + ": " + e.getMessage(), null, e);
    }
    names.sort(
        Comparator.comparing((String name) -> !name.equals(Accounts.DEFAULT))
            .thenComparing(Comparator.naturalOrder()));
    return names;
  }

  /** Who each account is, as the last login saw it: account name to label. */
  Map<String, String> labels() {
    Path file = dir.resolve(ACCOUNTS_FILE);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      if (Files.size(file) > 1 << 20) {
        return Map.of(); // not ours: labels are a few dozen bytes each
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (Json.tree(Files.readString(file)) instanceof Map<?, ?> map) {
        map.forEach(
            (name, label) -> {
              if (name instanceof String n && label instanceof String l) {
                labels.put(n, l);
              }
            });
      }
      return labels;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // labels only decorate `auth list`; a damaged file loses them, nothing else
    }
  }

  /** Remembers who {@code account} is; {@code null} forgets it. */
  void saveLabel(String account, String label) {
    Map<String, String> labels = new TreeMap<>(labels());
    if (label == null) {
      if (labels.remove(account) == null) {
        return;
      }
    } else {
      labels.put(account, label);
    }
    writeOwnerOnly(dir.resolve(ACCOUNTS_FILE), Json.write(labels).getBytes(StandardCharsets.UTF_8));
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
