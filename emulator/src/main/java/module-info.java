/**
 * A local emulator of Google's OAuth 2.0 endpoints and of the YouTube Data API v3, for tests and
 * offline development: {@link io.github.jyoutube.emulator.YouTubeEmulator} in process, {@link
 * io.github.jyoutube.emulator.YouTubeEmulatorExtension} for JUnit 5, and {@link
 * io.github.jyoutube.emulator.Main} as a program.
 */
module io.github.jyoutube.emulator {
  requires transitive io.github.jyoutube;
  // Optional, as in the POM: only YouTubeEmulatorExtension uses it, and it implements its types.
  requires static transitive org.junit.jupiter.api;
  requires io.github.jyoutube.livechat;
  requires com.fasterxml.jackson.databind;
  requires com.google.protobuf;
  requires com.h2database;
  requires io.grpc;
  requires io.grpc.netty.shaded;
  requires io.grpc.protobuf;
  requires io.grpc.stub;
  requires java.net.http;
  requires java.sql;
  requires jdk.httpserver;

  exports io.github.jyoutube.emulator;
}
