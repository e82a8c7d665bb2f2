package dev.cwlifecycle.simulator;

/**
 * One attempt to deliver a callback: where, the exact body and signature sent, and the receiver's status, or
 * {@code error} when there was no answer (refused connection, 5 s timeout). {@code attempt} counts from 1.
 */
public record Delivery(String url, String body, String signature, Integer status, String error, int attempt) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}
