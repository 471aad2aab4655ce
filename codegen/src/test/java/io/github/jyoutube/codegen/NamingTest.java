package io.github.jyoutube.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamingTest {

  @Test
  void memberNames() {
    assertThat(Naming.memberName("privacyStatus")).isEqualTo("privacyStatus");
    assertThat(Naming.memberName("default")).isEqualTo("defaultValue");
    assertThat(Naming.memberName("public")).isEqualTo("publicValue");
    assertThat(Naming.memberName("record")).isEqualTo("recordValue");
    assertThat(Naming.memberName("true")).isEqualTo("trueValue");
    assertThat(Naming.memberName("content-type")).isEqualTo("contentType");
    assertThat(Naming.memberName("a.b.c")).isEqualTo("aBC");
    assertThat(Naming.memberName("$.xgafv")).isEqualTo("xgafv");
    assertThat(Naming.memberName("$ref")).isEqualTo("ref");
    assertThat(Naming.memberName("3d")).isEqualTo("value3d");
    assertThat(Naming.memberName("new-class")).isEqualTo("newClass");
    assertThat(Naming.memberName("-")).isEqualTo("value");
  }

  @Test
  void typeNames() {
    assertThat(Naming.typeName("privacyStatus")).isEqualTo("PrivacyStatus");
    assertThat(Naming.typeName("djctqRatingReasons")).isEqualTo("DjctqRatingReasons");
    assertThat(Naming.typeName("content-type")).isEqualTo("ContentType");
    assertThat(Naming.typeName("360")).isEqualTo("Value360");
  }

  @Test
  void constantNames() {
    assertThat(Naming.constantName("public", "X")).isEqualTo("PUBLIC");
    assertThat(Naming.constantName("mostPopular", "X")).isEqualTo("MOST_POPULAR");
    assertThat(Naming.constantName("creativeCommon", "X")).isEqualTo("CREATIVE_COMMON");
    assertThat(Naming.constantName("acbMa15plus", "X")).isEqualTo("ACB_MA15PLUS");
    assertThat(Naming.constantName("HTTPServer", "X")).isEqualTo("HTTP_SERVER");
    assertThat(Naming.constantName("ALREADY_UPPER", "X")).isEqualTo("ALREADY_UPPER");
    assertThat(Naming.constantName("en-US", "X")).isEqualTo("EN_US");
    assertThat(Naming.constantName("1080p", "RESOLUTION")).isEqualTo("RESOLUTION_1080P");
    assertThat(Naming.constantName("360", "PROJECTION")).isEqualTo("PROJECTION_360");
    assertThat(Naming.constantName("", "X")).isEqualTo("EMPTY");
    assertThat(Naming.upperSnake("FrameRate")).isEqualTo("FRAME_RATE");
  }

  @Test
  void stringLiterals() {
    assertThat(Naming.stringLiteral("a\"b\\c\n\u00e9")).isEqualTo("\"a\\\"b\\\\c\\n\\u00e9\"");
  }
}
