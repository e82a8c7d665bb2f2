package dev.cwlifecycle.connectwise;

public record Member(Long id, String identifier) {
}
