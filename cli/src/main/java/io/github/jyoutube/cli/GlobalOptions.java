package io.github.jyoutube.cli;

import java.nio.file.Path;

/** The options every command takes, set on {@code jyoutube} or on any subcommand. */
interface GlobalOptions {

  /** {@code --config-dir}, or {@code null}. */
  Path configDir();

  /** {@code --client-secrets}, or {@code null}. */
  Path clientSecrets();

  /** {@code --client-id}, or {@code null}. */
  String clientId();

  /** {@code --client-secret}, or {@code null}. */
  String clientSecret();

  /** {@code --endpoint}, or {@code null}. */
  String endpoint();

  /** {@code --grpc-endpoint}, or {@code null}. */
  String grpcEndpoint();

  /** {@code --account}, or {@code null} for the default account. */
  String account();

  /** {@code --emulator}. */
  boolean emulator();

  /** {@code --debug}. */
  boolean debug();

  /** {@code --output}. */
  OutputFormat output();

  /** How results are printed. */
  enum OutputFormat {
    /** An aligned table (the default). */
    TABLE,
    /** The API's JSON, for scripts. */
    JSON
  }
}
