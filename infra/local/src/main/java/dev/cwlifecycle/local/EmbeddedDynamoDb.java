package dev.cwlifecycle.local;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.lang.reflect.Field;

/** DynamoDB Local in this process, in memory, on one loopback port: the real engine, gone when the run ends. */
final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;

    private EmbeddedDynamoDb(DynamoDBProxyServer server) {
        this.server = server;
    }

    static EmbeddedDynamoDb start(int port) {
        try {
            // createServer, not createServerFromCommandLineArgs, which prints its whole configuration on stdout
            CommandLineInput options = new CommandLineInput(new String[] {
                    "-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            if (!options.init()) {
                throw new IllegalArgumentException("DynamoDB Local refused its options");
            }
            DynamoDBProxyServer server = ServerRunner.createServer(options);
            loopbackOnly(server);
            server.start();
            return new EmbeddedDynamoDb(server);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + " (is it in use? set "
                    + "cw.local.dynamodb-port)", e);
        }
    }

    /**
     * DynamoDB Local has no host option and would listen on every interface; its Jetty server is private, so it
     * is reached by reflection (this module never runs as a native image) and bound to loopback before it starts.
     */
    private static void loopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
