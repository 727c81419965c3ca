package io.fraudpipeline.operator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every committed render is what the code renders now, byte for byte. */
class GoldenRendersTest {

  static Stream<GoldenRenders.Case> cases() throws Exception {
    return GoldenRenders.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRenderIsTheCommittedOne(GoldenRenders.Case c) throws Exception {
    assertThat(Files.exists(c.expected()))
        .as("%s is committed (write it with GoldenRenders.main)", c.expected())
        .isTrue();
    assertThat(c.render())
        .as(
            "%s differs from the render now; if the change is meant, write the goldens again:"
                + " mvn -q -DskipTests install, then mvn -q -pl operator test-compile exec:java"
                + " -Dexec.classpathScope=test"
                + " -Dexec.mainClass=io.fraudpipeline.operator.golden.GoldenRenders",
            c.expected())
        .isEqualTo(Files.readString(c.expected()));
  }
}
