package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchOptionsTest {

    @Test
    void benchAndChaosWithTheirOptionsAndDefaults() {
        assertEquals(new BenchOptions(BenchOptions.Command.BENCH, false, 1000, 42),
                BenchOptions.parse(List.of("bench")));
        assertEquals(new BenchOptions(BenchOptions.Command.BENCH, true, 1000, 42),
                BenchOptions.parse(List.of("bench", "--quick")));
        assertEquals(new BenchOptions(BenchOptions.Command.CHAOS, false, 200, 7),
                BenchOptions.parse(List.of("chaos", "--operations", "200", "--seed", "7")));
    }

    @Test
    void optionsOfTheOtherCommandOrWithoutValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("bench", "--seed", "1")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("chaos", "--quick")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("chaos", "--operations")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("chaos", "--operations", "0")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("chaos", "--seed", "x")));
    }
}
