package io.fraudpipeline.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.crd.CrdValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator refuses, naming the field, every spec the CRD's validation rejects: a pipeline that
 * never passed that validation (stored before a rule existed, or read by render) must not reach
 * AWS. The cases are the CRD's own list of bad specs, from the crds test-jar.
 */
class SpecLimitsTest {

  /** Type and unknown-field errors cannot survive into typed Java objects: the reader's job. */
  private static final Set<String> NOT_REPRESENTABLE = Set.of("wrong-type", "unknown-field");

  private static final ObjectMapper LENIENT =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<Arguments> badSpecs() throws IOException {
    try (var in = SpecLimitsTest.class.getResourceAsStream("/bad-specs.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return CrdValidator.readYaml(yaml).stream()
          .filter(doc -> !NOT_REPRESENTABLE.contains(doc.at("/metadata/name").asText()))
          .map(doc -> Arguments.of(doc.at("/metadata/name").asText(), doc));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void theOperatorRefusesWhatTheCrdRejects(String name, JsonNode doc) {
    String expected = doc.at("/metadata/annotations/fraudpipeline.io~1expect").asText();
    String field = expected.substring(0, expected.indexOf(':'));

    Throwable refusal =
        catchThrowable(() -> SpecCheck.check(LENIENT.treeToValue(doc, FraudPipeline.class)));

    assertThat(refusal).as(name).isNotNull();
    if (refusal instanceof InvalidSpecException invalid) {
      assertThat(invalid.field().startsWith(field) || invalid.getMessage().contains(field))
          .as("%s names %s: %s", name, field, invalid.getMessage())
          .isTrue();
    } else {
      // an enum value the API does not know cannot even be read
      assertThat(refusal).as(name).hasMessageContaining("not one of the values accepted");
    }
  }
}
