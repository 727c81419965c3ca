package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fraudpipeline.operator.model.Ownership;

/** An MR the pipeline needs cannot be created: an object it does not manage has that name. */
final class NameTakenException extends RuntimeException {

  NameTakenException(HasMetadata desired, HasMetadata existing) {
    super(
        desired.getKind()
            + " "
            + desired.getMetadata().getNamespace()
            + "/"
            + desired.getMetadata().getName()
            + " already exists and is not managed for this pipeline (labels "
            + existing.getMetadata().getLabels()
            + "): delete or rename it, or give it the labels "
            + Ownership.PIPELINE_LABEL
            + " and "
            + Ownership.MANAGED_BY_LABEL
            + " to adopt it");
  }
}
