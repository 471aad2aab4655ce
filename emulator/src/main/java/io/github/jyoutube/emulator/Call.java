package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.Json;
import io.github.jyoutube.emulator.MethodCatalog.Method;
import io.github.jyoutube.emulator.MethodCatalog.Param;
import io.github.jyoutube.error.DecodeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One API call after its credentials and parameters were checked. */
final class Call {

  final Exchange ex;
  final Method spec;
  final Backend backend;
  final Store store;

  /** The signed-in account, or {@code null} for a call with an API key. */
  final Account account;

  /** The token's scopes; empty for an API key. */
  final Set<String> scopes;

  /** The media of an upload, or {@code null}. */
  Spool media;

  /** The media's content type, or {@code null}. */
  String mediaType;

  /** The JSON metadata of an upload (the first part of a multipart body), or {@code null}. */
  byte[] metadata;

  Call(Exchange ex, Method spec, Backend backend, Account account, Set<String> scopes) {
    this.ex = ex;
    this.spec = spec;
    this.backend = backend;
    this.store = backend.store;
    this.account = account;
    this.scopes = scopes;
  }

  /** The caller's channel, or {@code null}. */
  String channel() {
    return account == null ? null : account.channelId();
  }

  /** The caller's account; with an API key, the error Google gives for {@code parameter}. */
  Account requireUser(String parameter) throws ApiError {
    if (account == null) {
      throw parameter == null
          ? ApiError.loginRequired()
          : ApiError.authorizationRequired(parameter);
    }
    return account;
  }

  String param(String name) {
    String value = ex.param(name);
    if (value == null && name.equals("id") && spec.path().contains("{id}")) {
      value = ex.path.substring(ex.path.lastIndexOf('/') + 1);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  boolean has(String name) {
    Param param = spec.params().get(name);
    if (param != null && param.type() == MethodCatalog.Type.BOOLEAN) {
      return flag(name);
    }
    return param(name) != null;
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(param(name));
  }

  /** A repeated parameter's values, split on commas and trimmed. */
  List<String> list(String name) {
    List<String> values = new ArrayList<>();
    List<String> raw = ex.query.get(name);
    if (raw == null) {
      String single = param(name);
      raw = single == null ? List.of() : List.of(single);
    }
    for (String value : raw) {
      for (String piece : value.split(",")) {
        if (!piece.isBlank()) {
          values.add(piece.trim());
        }
      }
    }
    return values;
  }

  /** The requested parts (checked already). */
  Set<String> parts() {
    return new LinkedHashSet<>(list("part"));
  }

  long integer(String name, long fallback) {
    String value = param(name);
    if (value != null) {
      return Long.parseLong(value.trim());
    }
    Param param = spec.params().get(name);
    return param != null && param.defaultValue() != null ? param.defaultValue() : fallback;
  }

  /** The JSON body as an object, checked against the model the client uses for it. */
  ObjectNode body(Class<?> model) throws ApiError {
    byte[] bytes = metadata != null ? metadata : ex.body;
    if (bytes == null || bytes.length == 0) {
      throw ApiError.badRequest(
          "required", "global", "The request body is missing: expected a JSON resource.");
    }
    JsonNode node = Jsons.read(bytes);
    if (!(node instanceof ObjectNode object)) {
      throw ApiError.parseError("Parse Error");
    }
    if (model != null) {
      try {
        Json.parse(bytes, model);
      } catch (DecodeException e) {
        throw ApiError.badRequest(
            "invalidRequest",
            "global",
            "Invalid JSON payload received: not a valid " + model.getSimpleName() + ".");
      }
    }
    return object;
  }
}
