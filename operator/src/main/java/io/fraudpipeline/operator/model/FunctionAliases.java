package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FunctionsSpec;

/**
 * SnapStart's wiring: with it, each function publishes a version on every change and a {@value
 * #LIVE} alias serves the latest one, and every caller names the alias. SnapStart restores only
 * published versions (never {@code $LATEST}), and takes zip deploys only.
 */
public final class FunctionAliases {

  /** The alias every caller invokes. */
  public static final String LIVE = "live";

  /** {@code snapStart.applyOn}: snapshots are taken when a version is published. */
  public static final String APPLY_ON_PUBLISHED_VERSIONS = "PublishedVersions";

  private FunctionAliases() {}

  /** SnapStart is on (the default), and the code is a zip: an image deploy ignores it. */
  public static boolean enabled(FunctionsSpec functions) {
    return !Boolean.FALSE.equals(functions.getSnapStart()) && !functions.getCode().isImage();
  }

  /** {@code fraud-scorer-dev:live}: what Lambda's Invoke API takes for an alias. */
  public static String qualified(String functionName) {
    return functionName + ":" + LIVE;
  }
}
