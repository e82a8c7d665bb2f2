package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTemplateTest {

    private static final String TEXT = """
            a comment before the first part
            <!-- part report -->
            # {{title}}

            Cost: ${{dollars}} at {{title}}.
            <!-- part extra -->
            ## More {{what}}
            """;

    @Test
    void eachPartIsFilledWithItsValuesAsWritten() {
        // GIVEN a template with two parts, a value with a "$" (which a regex replacement would read as a group)
        ReportTemplate template = new ReportTemplate(TEXT);

        // WHEN both parts are filled
        String report = template.fill("report", Map.of("title", "Benchmarks", "dollars", "0.65 $1"));
        String extra = template.fill("extra", Map.of("what", "figures"));

        // THEN each is its own text with every placeholder replaced, and nothing of the comment or the other part
        assertEquals("# Benchmarks\n\nCost: $0.65 $1 at Benchmarks.\n", report);
        assertEquals("## More figures\n", extra);
    }

    @Test
    void aMissingOrAnUnplacedValueFailsRatherThanWritingAHalfReport() {
        ReportTemplate template = new ReportTemplate(TEXT);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> template.fill("report", Map.of("title", "Benchmarks")));
        IllegalArgumentException unplaced = assertThrows(IllegalArgumentException.class,
                () -> template.fill("extra", Map.of("what", "figures", "dollars", "1")));
        IllegalArgumentException noPart = assertThrows(IllegalArgumentException.class,
                () -> template.fill("other", Map.of()));

        assertTrue(missing.getMessage().contains("{{dollars}}"), missing.getMessage());
        assertTrue(unplaced.getMessage().contains("dollars"), unplaced.getMessage());
        assertTrue(noPart.getMessage().contains("other"), noPart.getMessage());
    }
}
