package dev.cwlifecycle.connectwise;

import java.time.Instant;
import java.util.List;

/** One page of a listing, with ConnectWise's clock at the time it answered ({@code Date} header). */
public record Page<T>(int number, List<T> items, Instant serverDate) {
}
