package dev.cwlifecycle.simulator.conditions;

/** The closed set of nodes the parser builds; each evaluates itself against a member. */
sealed interface Expression extends Condition permits AnyOf, AllOf, Negation, Comparison {
}
