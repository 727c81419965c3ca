package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.FunctionRole;

/**
 * The component names of the MRs only the Crossplane stack has; the pieces both backends have are
 * named in {@link io.fraudpipeline.operator.model.StackComponents}.
 */
final class Components {

  static final String THROTTLING = "api-throttling";
  static final String INVOKE_POST = "api-invoke-post";
  static final String INVOKE_GET = "api-invoke-get";
  static final String USAGE_PLAN = "api-usage-plan";
  static final String API_KEY = "api-key";
  static final String USAGE_PLAN_KEY = "api-usage-plan-key";
  static final String SCORER_ASYNC = "scorer-async";

  private Components() {}

  static String rolePolicy(FunctionRole f) {
    return f.shortName() + "-policy";
  }

  static String basicExecution(FunctionRole f) {
    return f.shortName() + "-basic-execution";
  }

  static String xrayWrite(FunctionRole f) {
    return f.shortName() + "-xray";
  }
}
