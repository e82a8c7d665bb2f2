package dev.cwlifecycle.local;

import io.quarkus.runtime.configuration.ConfigurationException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The loopback ports a local run is about to listen on, each with the property that moves it. Checked before
 * anything binds, so a busy port is one line naming every busy one, not a stack trace from the first.
 */
final class PortsInUse {

    record Listener(String property, int port) {
    }

    private PortsInUse() {
    }

    /** Ends the start when any of {@code listeners} is taken: Quarkus prints a configuration error as one line. */
    static void refuseBusy(List<Listener> listeners) {
        List<Listener> busy = listeners.stream().filter(listener -> !free(listener.port())).toList();
        if (!busy.isEmpty()) {
            throw new ConfigurationException(message(busy));
        }
    }

    static String message(List<Listener> busy) {
        return (busy.size() == 1 ? "Port " : "Ports ") + busy.stream()
                .map(listener -> listener.port() + " (" + listener.property() + ")").collect(Collectors.joining(", "))
                + (busy.size() == 1 ? " is" : " are") + " in use on 127.0.0.1: stop what listens there, or move "
                + (busy.size() == 1 ? "it" : "them") + ": ./run-local " + busy.stream()
                .map(listener -> "-D" + listener.property() + "=<free port>").collect(Collectors.joining(" "));
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
