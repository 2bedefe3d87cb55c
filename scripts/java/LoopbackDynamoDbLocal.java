import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;

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
    String synchronous = System.getProperty("budgetbuddy.sqliteSynchronous");
    String journalMode = System.getProperty("budgetbuddy.sqliteJournalMode");
    if (synchronous != null || journalMode != null) configureSqlite(proxy, synchronous, journalMode);
    for (Connector connector : server.getConnectors()) {
      ServerConnector bound = (ServerConnector) connector;
      if (!host.equals(bound.getHost())) fail("connector is not bound to " + host);
      System.out.println("DynamoDB Local listening on " + host + ":" + bound.getLocalPort());
    }
    proxy.join();
  }

  /**
   * SQLite's `synchronous` setting on DynamoDB Local's database connection. DynamoDB Local leaves SQLite at
   * its default (FULL: fsync on every commit) and has no option for it. Every request goes through one
   * SQLiteQueue thread, so a commit that waits for the disk holds up every other request behind it: on a
   * busy disk that wait is tens to hundreds of milliseconds. OFF still hands each commit to the kernel
   * (page cache) before the request answers, so a killed process loses nothing; only a power cut or an
   * OS crash can. The queue is not reachable through any API, so it is found by walking DynamoDB Local's
   * objects from the server; if none is found (a later version built differently) nothing changes and
   * a warning says so.
   */
  private static void configureSqlite(Object root, String synchronous, String journalMode) throws Exception {
    if (synchronous != null && !synchronous.matches("OFF|NORMAL|FULL|EXTRA")) fail("bad synchronous " + synchronous);
    if (journalMode != null && !journalMode.matches("DELETE|TRUNCATE|PERSIST|WAL")) fail("bad journal mode " + journalMode);
    // DynamoDB Local opens its database on the first request (getHandler); open it now, so the setting
    // is in place before anything is written. With -sharedDb the name passed is ignored.
    for (LocalDynamoDBRequestHandler handler : findAll(root, LocalDynamoDBRequestHandler.class)) {
      Method open = LocalDynamoDBRequestHandler.class.getDeclaredMethod("getHandler", String.class);
      open.setAccessible(true);
      open.invoke(handler, "local");
    }
    List<SQLiteQueue> queues = findAll(root, SQLiteQueue.class);
    if (queues.isEmpty()) {
      System.err.println("LoopbackDynamoDbLocal: no SQLite queue found; synchronous left at SQLite's default.");
      return;
    }
    for (SQLiteQueue queue : queues) {
      String now =
          queue
              .execute(
                  new SQLiteJob<String>() {
                    @Override
                    protected String job(SQLiteConnection connection) throws Throwable {
                      if (journalMode != null) connection.exec("PRAGMA journal_mode=" + journalMode);
                      if (synchronous != null) connection.exec("PRAGMA synchronous=" + synchronous);
                      return "journal_mode=" + pragma(connection, "journal_mode") + " synchronous=" + pragma(connection, "synchronous");
                    }
                  })
              .complete();
      System.out.println("DynamoDB Local SQLite " + queue.getDatabaseFile() + ": " + now);
    }
  }

  private static String pragma(SQLiteConnection connection, String name) throws Exception {
    var statement = connection.prepare("PRAGMA " + name);
    try {
      statement.step();
      return statement.columnString(0);
    } finally {
      statement.dispose();
    }
  }

  /** Every `wanted` reachable from `root` through the fields of non-JDK objects, collections and arrays. */
  private static <T> List<T> findAll(Object root, Class<T> wanted) {
    List<T> found = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayList<Object> todo = new ArrayList<>(); // a stack: ArrayDeque refuses the nulls fields hold
    todo.add(root);
    while (!todo.isEmpty() && seen.size() < 200_000) {
      Object next = todo.remove(todo.size() - 1);
      if (next == null || !seen.add(next)) continue;
      if (wanted.isInstance(next)) {
        found.add(wanted.cast(next));
        continue;
      }
      Class<?> type = next.getClass();
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (int i = 0; i < Array.getLength(next); i++) todo.add(Array.get(next, i));
        }
        continue;
      }
      try {
        if (next instanceof Map) {
          todo.addAll(((Map<?, ?>) next).values());
          continue;
        }
        if (next instanceof Collection) {
          todo.addAll((Collection<?>) next);
          continue;
        }
      } catch (RuntimeException concurrentlyChanged) {
        continue;
      }
      String name = type.getName();
      if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
        continue;
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) continue;
          try {
            field.setAccessible(true);
            todo.add(field.get(next));
          } catch (RuntimeException | IllegalAccessException inaccessible) {
            // a field of a class in a closed module: not where DynamoDB Local keeps its database
          }
        }
      }
    }
    return found;
  }

  private static void fail(String why) {
    System.err.println("LoopbackDynamoDbLocal: " + why + "; refusing to listen on all interfaces.");
    System.exit(70);
  }
}
