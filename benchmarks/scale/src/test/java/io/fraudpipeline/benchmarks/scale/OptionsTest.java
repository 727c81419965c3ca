package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsAreTheRunOfRecord() {
    Options o = Options.parse();

    assertThat(o.sizes()).containsExactly(100, 500, 1000);
    assertThat(o.systems()).containsExactly("ours", "floor", "kro");
    assertThat(o.resync()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.jfrSize()).isZero();
    assertThat(o.kroCutOff()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void optionsSetSizesSystemsResyncAndJfr() {
    Options o =
        Options.parse(
            "--sizes",
            "10, 20",
            "--systems",
            "floor,ours",
            "--resync-seconds",
            "5",
            "--jfr",
            "20",
            "--kro-cutoff-minutes",
            "3");

    assertThat(o.sizes()).isEqualTo(List.of(10, 20));
    assertThat(o.systems()).containsExactly("floor", "ours");
    assertThat(o.resync()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.jfrSize()).isEqualTo(20);
    assertThat(o.kroCutOff()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void badInputNamesTheOption() {
    assertThatThrownBy(() -> Options.parse("--sizes", "10,x"))
        .hasMessage("--sizes: expected a positive number, got 'x'");
    assertThatThrownBy(() -> Options.parse("--sizes", "0"))
        .hasMessage("--sizes: expected a positive number, got '0'");
    assertThatThrownBy(() -> Options.parse("--systems", "ours,argo"))
        .hasMessage("--systems: 'argo' is not one of ours, floor, kro");
    assertThatThrownBy(() -> Options.parse("--size", "10"))
        .hasMessageStartingWith("unknown option --size");
    assertThatThrownBy(() -> Options.parse("--jfr")).hasMessageStartingWith("--jfr: missing value");
  }
}
