package io.fraudpipeline.local;

/**
 * The few lines printed once the pipeline is up: where it listens, how to try it, where data is.
 */
final class Banner {

  private Banner() {}

  static String text(LocalPipeline pipeline) {
    String base = pipeline.baseUri().toString();
    LocalNames names = pipeline.names();
    String data =
        pipeline
            .settings()
            .dataDir()
            .map(dir -> "in " + dir.toAbsolutePath())
            .orElse("in memory (gone when it stops; --data-dir to keep them)");
    String check =
        pipeline
            .settings()
            .checkEvery()
            .map(
                every ->
                    "  check: a synthetic transaction through the API every "
                        + every.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + "; its result and the fraud metrics print here as EMF lines")
            .orElse(
                "  check: off (--check-every 30s runs it); the fraud metrics print here as EMF lines");
    return String.join(
        System.lineSeparator(),
        "fraud-pipeline-local is up: " + base + "/transactions",
        "  try:  curl -s -X POST "
            + base
            + "/transactions -H 'Content-Type: application/json' -d"
            + " '{\"transaction_id\":\"txn-1\",\"timestamp\":1700000000,\"amount\":12000,"
            + "\"merchant\":\"crypto-exchange\"}'",
        "        curl -s " + base + "/transactions/txn-1   (also GET /alerts, GET /dead-letters)",
        "  data: tables "
            + names.transactionsTable()
            + " and "
            + names.fraudScoresTable()
            + " in Dynalite (node pid "
            + pipeline.dynalite().pid()
            + ", port "
            + pipeline.dynalite().port()
            + ") "
            + data
            + "; stream, alerts and dead letters in memory",
        check,
        "  Ctrl-C stops it.");
  }
}
