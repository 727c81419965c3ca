package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.contract.EnvVars;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

  @Test
  void keepsAsManyConnectionsAliveAsTheDispatcherUses() {
    new AwsClients(new Env(Map.of(EnvVars.AWS_REGION, "eu-west-1")::get));

    assertThat(Integer.getInteger("http.maxConnections"))
        .isGreaterThanOrEqualTo(AwsClients.KEEP_ALIVE_CONNECTIONS);
  }

  @Test
  void needsTheRegion() {
    assertThatThrownBy(() -> new AwsClients(new Env(Map.<String, String>of()::get)))
        .hasMessage("environment variable AWS_REGION is not set");
  }
}
