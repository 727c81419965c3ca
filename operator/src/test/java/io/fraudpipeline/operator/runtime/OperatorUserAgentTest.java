package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fraudpipeline.operator.model.Ownership;
import org.junit.jupiter.api.Test;

/**
 * The API server names the field manager of a create after the client's user agent, up to its first
 * "/": the operator's must be its own field manager, not fabric8's default shared with every other
 * fabric8 client (whose fields the operator would then take over and remove).
 */
class OperatorUserAgentTest {

  @Test
  void theOperatorsClientIsNamedAfterItsFieldManagerAndKeepsTheRestOfTheConfig() {
    Config base = new ConfigBuilder(Config.empty()).withMasterUrl("https://192.0.2.1:6443").build();

    Config config = OperatorRunner.withUserAgent(base);

    assertThat(config.getUserAgent().split("/")[0]).isEqualTo(Ownership.FIELD_MANAGER);
    assertThat(base.getUserAgent()).doesNotStartWith(Ownership.FIELD_MANAGER);
    assertThat(config.getMasterUrl()).isEqualTo(base.getMasterUrl());
  }
}
