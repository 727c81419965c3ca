package io.fraudpipeline.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A fraud-detection stack in one AWS region, provisioned through Crossplane. */
@Group(FraudPipeline.GROUP)
@Version(FraudPipeline.VERSION)
@Kind(FraudPipeline.KIND)
@Plural(FraudPipeline.PLURAL)
@ShortNames("fp")
@Categories("fraud")
@AdditionalPrinterColumn(
    name = "READY",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "SUFFIX",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.environmentSuffix")
@AdditionalPrinterColumn(
    name = "REGION",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.region")
@AdditionalPrinterColumn(
    name = "ENDPOINT",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.apiEndpoint")
@AdditionalPrinterColumn(
    name = "PAUSED",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Paused\")].status")
@AdditionalPrinterColumn(
    name = "AGE",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
// The suffix defaults to metadata.name, which is what must then fit the AWS name limits.
@ValidationRule(
    value =
        "has(self.spec.environmentSuffix) || self.metadata.name.matches('"
            + EnvironmentSuffix.PATTERN
            + "')",
    message =
        "spec.environmentSuffix: required when metadata.name is not itself a valid suffix"
            + " (1-20 of a-z, 0-9 and '-', starting and ending alphanumeric): it names every AWS"
            + " resource, e.g. transaction-processor-role-<suffix>, which must stay within 64"
            + " characters",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "size(self.metadata.name) <= 63",
    message =
        "metadata.name: at most 63 characters, as it is the value of the fraudpipeline.io/pipeline"
            + " label on every managed resource")
public class FraudPipeline extends CustomResource<FraudPipelineSpec, FraudPipelineStatus>
    implements Namespaced {

  public static final String GROUP = "fraudpipeline.io";
  public static final String VERSION = "v1alpha1";
  public static final String KIND = "FraudPipeline";
  public static final String PLURAL = "fraudpipelines";

  /**
   * The operator's finalizer on each pipeline, held until its objects are deleted phase by phase
   * (the API contract's name, not JOSDK's default {@code <plural>.<group>/finalizer}).
   */
  public static final String FINALIZER = GROUP + "/ordered-deletion";

  @Override
  @Required
  public FraudPipelineSpec getSpec() {
    return super.getSpec();
  }

  /**
   * No spec on a new instance: JOSDK adds its finalizer by server-side apply of a new instance with
   * only the finalizer set, and a default spec there would take (forced) the user's spec fields.
   */
  @Override
  protected FraudPipelineSpec initSpec() {
    return null;
  }

  @Override
  protected FraudPipelineStatus initStatus() {
    return null;
  }
}
