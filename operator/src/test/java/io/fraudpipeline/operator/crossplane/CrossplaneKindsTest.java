package io.fraudpipeline.operator.crossplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The kinds the operator emits are the provider's: names, version, scope, region and tags. */
class CrossplaneKindsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyKindMatchesItsProviderCrd() throws Exception {
    assertThat(CrossplaneKinds.all()).hasSize(27);
    for (ManagedKind kind : CrossplaneKinds.all()) {
      Path file = ProjectPaths.providerCrds().resolve(kind.group() + "_" + kind.plural() + ".yaml");
      assertThat(file).as(kind.kind()).exists();
      JsonNode crd = YAML.readTree(Files.readString(file));
      assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(kind.kind());
      assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
      assertThat(crd.at("/metadata/name").asText()).isEqualTo(kind.crdName());
      JsonNode version = crd.at("/spec/versions/0");
      assertThat(version.get("name").asText()).isEqualTo(kind.version());
      JsonNode forProvider =
          version.at("/schema/openAPIV3Schema/properties/spec/properties/forProvider/properties");
      assertThat(forProvider.has("region")).as(kind.kind() + " region").isEqualTo(kind.regional());
      assertThat(forProvider.has("tags")).as(kind.kind() + " tags").isEqualTo(kind.tagged());
    }
  }

  @Test
  void aKindIsFoundByItsApiVersionAndKindAndByNothingNearIt() {
    for (ManagedKind kind : CrossplaneKinds.all()) {
      assertThat(CrossplaneKinds.find(kind.apiVersion(), kind.kind())).contains(kind);
      assertThat(kind.is(kind.group() + "/" + kind.version() + "x", kind.kind())).isFalse();
      assertThat(kind.is(kind.group() + "x/" + kind.version(), kind.kind())).isFalse();
      assertThat(kind.is(kind.group() + "." + kind.version(), kind.kind())).isFalse();
      assertThat(kind.is(kind.version(), kind.kind())).isFalse();
      assertThat(kind.is(null, kind.kind())).isFalse();
      assertThat(kind.is(kind.apiVersion(), kind.kind() + "s")).isFalse();
    }
  }
}
