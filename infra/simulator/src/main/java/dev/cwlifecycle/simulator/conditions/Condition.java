package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/** A parsed {@code conditions} expression; {@code test} says whether a member (as ConnectWise serialises it) matches. */
public interface Condition extends Predicate<JsonNode> {
}
