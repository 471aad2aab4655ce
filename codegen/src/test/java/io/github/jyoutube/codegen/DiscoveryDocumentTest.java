package io.github.jyoutube.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.codegen.DiscoveryDocument.Method;
import io.github.jyoutube.codegen.DiscoveryDocument.Schema;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentTest {

  @Test
  void readsTheDocument() throws IOException {
    DiscoveryDocument doc = DiscoveryDocument.parse(Fragment.JSON);

    assertThat(doc.name()).isEqualTo("things");
    assertThat(doc.revision()).isEqualTo("20240102");
    assertThat(doc.parameters()).containsKeys("$.xgafv", "key");
    assertThat(doc.schemas().keySet())
        .containsExactly("Thing", "Thumb", "ThingListResponse", "Orphan", "Empty");

    Schema thing = doc.schema("Thing");
    assertThat(thing.properties().keySet()).startsWith("any", "builder", "class", "content-type");
    Schema privacy = thing.properties().get("privacyStatus");
    assertThat(privacy.isEnum()).isTrue();
    assertThat(privacy.enumDescription(0)).isEqualTo("Everyone.");
    assertThat(privacy.enumValueDeprecated(4)).isTrue();
    assertThat(thing.properties().get("labels").additionalProperties().type()).isEqualTo("string");
    assertThat(thing.properties().get("inline").isRecord()).isTrue();
    assertThat(thing.properties().get("labels").isRecord()).isFalse();
    assertThat(thing.properties().get("default").ref()).isEqualTo("Thumb");
    assertThat(thing.properties().get("flag").deprecated()).isTrue();
    assertThatThrownBy(() -> doc.schema("Nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsMethodsDepthFirst() throws IOException {
    DiscoveryDocument doc = DiscoveryDocument.parse(Fragment.JSON);

    List<Method> methods = doc.allMethods();
    assertThat(methods)
        .extracting(Method::id)
        .containsExactly(
            "things.things.insert",
            "things.things.list",
            "things.things.delete",
            "things.things.download",
            "things.things.moderate",
            "things.things.parts.delete",
            "things.things.v1.things.stream");
    Method insert = methods.get(0);
    assertThat(insert.requestRef()).isEqualTo("Thing");
    assertThat(insert.parameterOrder()).containsExactly("part");
    assertThat(insert.parameters().get("part").required()).isTrue();
    assertThat(insert.parameters().get("part").repeated()).isTrue();
    assertThat(insert.supportsMediaUpload()).isTrue();
    assertThat(insert.mediaUploadPaths()).containsEntry("simple", "/upload/things/v1/things");
    assertThat(methods.get(2).requestRef()).isNull();
    assertThat(methods.get(3).parameters().get("id").location()).isEqualTo("path");
    assertThat(methods.get(3).supportsMediaDownload()).isTrue();
    assertThat(methods.get(1).parameters().get("maxResults").maximum()).isEqualTo("50");
    assertThat(methods.get(1).parameters().get("order").enumValues()).hasSize(4);
  }

  @Test
  void findsReachableSchemas() throws IOException {
    DiscoveryDocument doc = DiscoveryDocument.parse(Fragment.JSON);

    assertThat(doc.reachableSchemas(List.of("Thing"))).containsExactlyInAnyOrder("Thing", "Thumb");
    assertThat(doc.reachableSchemas(List.of("ThingListResponse")))
        .containsExactlyInAnyOrder("ThingListResponse", "Thing", "Thumb", "Orphan");
  }
}
