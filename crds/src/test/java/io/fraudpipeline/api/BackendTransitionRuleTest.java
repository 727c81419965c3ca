package io.fraudpipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated CRD's transition rule on {@code spec.backend}, run with the CEL engine as the API
 * server runs it on an update: the same backend passes, another is refused with the message.
 */
class BackendTransitionRuleTest {

  private final JsonNode rule =
      CrdValidator.readYaml(FraudPipelineCrd.yaml())
          .get(0)
          .at(
              "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/backend"
                  + "/x-kubernetes-validations/0");

  private boolean allows(String oldValue, String newValue) throws Exception {
    CelCompiler compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    var ast = compiler.compile(rule.path("rule").asText()).getAst();
    return Boolean.TRUE.equals(
        runtime.createProgram(ast).eval(Map.of("self", newValue, "oldSelf", oldValue)));
  }

  @Test
  void anEditOfTheBackendIsRefusedSayingWhy() throws Exception {
    assertThat(rule.path("rule").asText()).isEqualTo("self == oldSelf");
    assertThat(allows("ACK", "ACK")).isTrue();
    assertThat(allows("Crossplane", "Crossplane")).isTrue();
    assertThat(allows("Crossplane", "ACK")).isFalse();
    assertThat(allows("ACK", "Crossplane")).isFalse();
    assertThat(rule.path("message").asText())
        .startsWith("backend is immutable")
        .contains("create a new FraudPipeline");
  }
}
