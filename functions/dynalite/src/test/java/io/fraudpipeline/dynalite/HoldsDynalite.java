package io.fraudpipeline.dynalite;

/**
 * A JVM that starts a persistent Dynalite on the directory given, prints the engine's pid and waits
 * to be killed: lets a test kill the parent the hard way.
 */
public final class HoldsDynalite {

  private HoldsDynalite() {}

  public static void main(String[] args) throws InterruptedException {
    DynaliteServer server = DynaliteServer.startPersistent(java.nio.file.Path.of(args[0]));
    System.out.println("engine " + server.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
