package io.fraudpipeline.benchmarks.scale.kro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.cli.PipelineReader;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture RGD against the operator's stack for examples/fraudpipeline.yaml. */
class RgdFixtureTest {

  /** A name kro builds from the instance's name and a literal only. */
  private static final Pattern PLAIN_NAME =
      Pattern.compile("\\$\\{schema\\.metadata\\.name}(-[a-z0-9-]+)");

  private static Rgd rgd;
  private static FraudPipeline example;

  @BeforeAll
  static void load() throws Exception {
    rgd = Rgd.load(KroFiles.rgd());
    example = PipelineReader.readPipeline(Files.readString(KroFiles.example()));
  }

  @Test
  void oneInstanceMakesTheKindsAndCountsTheOperatorRendersForTheExample() {
    Coverage coverage = Coverage.of(rgd, example);

    assertThat(coverage.differences()).isEmpty();
    assertThat(coverage.kro()).isEqualTo(coverage.operator());
    assertThat(coverage.kro().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(52);
  }

  @Test
  void everyTemplateIsAKindTheVendoredProviderCrdsServe() throws Exception {
    Set<String> served = new HashSet<>();
    for (CustomResourceDefinition crd : ProviderCrds.read()) {
      for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
        if (Boolean.TRUE.equals(v.getServed())) {
          served.add(
              crd.getSpec().getGroup()
                  + "/"
                  + v.getName()
                  + " "
                  + crd.getSpec().getNames().getKind());
        }
      }
    }
    List<String> templates =
        rgd.templates().stream().map(t -> t.apiVersion() + " " + t.kind()).toList();

    assertThat(templates).hasSize(53).allSatisfy(t -> assertThat(served).contains(t));
  }

  @Test
  void templatesNamedByALiteralNameTheOperatorsMrs() {
    Set<String> operatorNames = new HashSet<>();
    for (ManagedObject mr : CrossplaneBackend.INSTANCE.renderAssumingReady(example).desired()) {
      operatorNames.add(mr.getKind() + " " + mr.getMetadata().getName());
    }
    String pipeline = example.getMetadata().getName();
    List<String> plain = new ArrayList<>();
    for (Rgd.Template t : rgd.templates()) {
      Matcher m = PLAIN_NAME.matcher(t.nameExpression());
      if (m.matches()) {
        plain.add(t.kind() + " " + pipeline + m.group(1));
      }
    }

    // all but the hashed names: the subscriptions and the deployment
    assertThat(plain).hasSize(50).allSatisfy(n -> assertThat(operatorNames).contains(n));
  }

  @Test
  void theExamplesSpecUsesOnlyFieldsTheInstanceSchemaDeclares() {
    Map<String, Object> spec = KroInstance.spec(example);

    assertThat(undeclared("spec", spec, rgd.specSchema())).isEmpty();
    assertThat(spec).containsEntry("environmentSuffix", "dev").containsKey("alertSubscriptions");
  }

  @Test
  void aSettingTheRgdCannotExpressIsRefusedByName() {
    FraudPipeline apiKey = PipelineReader.readPipeline(exampleYaml());
    apiKey.getSpec().getApi().setAuthorization(Authorization.API_KEY);

    assertThatThrownBy(() -> KroInstance.spec(apiKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.api.authorization: API_KEY");
  }

  @Test
  void eachInstanceTakesItsNameAsItsSuffixAndANameThatCannotBeOneIsRefused() {
    assertThat(KroInstance.named(rgd, example, "ns", "p0001").getAdditionalProperties())
        .extractingByKey("spec")
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("environmentSuffix", "p0001");
    assertThatThrownBy(() -> KroInstance.named(rgd, example, "ns", "Not_A_Suffix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not_A_Suffix");
  }

  /** The dotted paths of the spec that the schema does not declare. */
  @SuppressWarnings("unchecked")
  private static List<String> undeclared(
      String path, Map<String, Object> spec, Map<String, Object> schema) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : spec.entrySet()) {
      String here = path + "." + e.getKey();
      Object declared = schema.get(e.getKey());
      if (declared == null) {
        out.add(here);
      } else if (declared instanceof Map<?, ?> nested && e.getValue() instanceof Map<?, ?> value) {
        out.addAll(undeclared(here, (Map<String, Object>) value, (Map<String, Object>) nested));
      }
    }
    return out;
  }

  private static String exampleYaml() {
    try {
      return Files.readString(KroFiles.example());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
