package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchOptionsTest {

    @Test
    void benchAndChaosWithTheirOptionsAndDefaults() {
        assertEquals(new BenchOptions(BenchOptions.Command.BENCH, false, false, 1000, 42, List.of()),
                BenchOptions.parse(List.of("bench")));
        assertEquals(new BenchOptions(BenchOptions.Command.BENCH, true, true, 1000, 42, List.of()),
                BenchOptions.parse(List.of("bench", "--quick", "--native")));
        assertEquals(new BenchOptions(BenchOptions.Command.CHAOS, false, false, 200, 7, List.of()),
                BenchOptions.parse(List.of("chaos", "--operations", "200", "--seed", "7")));
    }

    @Test
    void theNativeCheckTakesFunctionNamesAndRefusesOthers() {
        assertEquals(List.of(), BenchOptions.parse(List.of("native-check")).functions());
        assertEquals(List.of("sync", "callback"),
                BenchOptions.parse(List.of("native-check", "sync", "callback")).functions());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("native-check", "payroll")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("native-check", "--quick")));
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
