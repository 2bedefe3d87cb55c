import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Runs AWS's DynamoDB Local bound to one address. DynamoDB Local has no bind-address option: its
 * DynamoDBProxyServer builds Jetty with `new Server(port)`, which listens on every interface, so anyone
 * on the same network could read and write the local ledgers. This launcher lets DynamoDB Local parse its
 * own command line and build the server, then sets the host on each Jetty connector before starting it.
 *
 * It fails closed: if DynamoDB Local's internals ever change so that the host cannot be set, it exits
 * instead of falling back to all interfaces. Telemetry is never configured (ServerRunner.main would).
 *
 * Run as a single source file (Java 11+ compiles it in memory; Debian's JRE includes the compiler):
 *   java -Dbudgetbuddy.host=127.0.0.1 -cp DynamoDBLocal.jar:DynamoDBLocal_lib/* LoopbackDynamoDbLocal.java -port 8000 ...
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("budgetbuddy.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) fail("DynamoDB Local created no connector");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) fail("unexpected connector " + connector.getClass());
      ((ServerConnector) connector).setHost(host);
    }
    proxy.start();
    for (Connector connector : server.getConnectors()) {
      ServerConnector bound = (ServerConnector) connector;
      if (!host.equals(bound.getHost())) fail("connector is not bound to " + host);
      System.out.println("DynamoDB Local listening on " + host + ":" + bound.getLocalPort());
    }
    proxy.join();
  }

  private static void fail(String why) {
    System.err.println("LoopbackDynamoDbLocal: " + why + "; refusing to listen on all interfaces.");
    System.exit(70);
  }
}
