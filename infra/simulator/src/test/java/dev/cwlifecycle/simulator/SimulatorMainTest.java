package dev.cwlifecycle.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone command line: every option documented, anything else refused with the usage and status 2. */
class SimulatorMainTest {

    @Test
    void readsEveryDocumentedOption() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--company", "acme,globex", "--members",
                "100000", "--latency-ms", "15", "--seed", "7");

        assertEquals(new SimulatorOptions(0, List.of("acme", "globex"), 100_000, Duration.ofMillis(15), 7, List.of(),
                false), options);
        for (String option : List.of("--port", "--company", "--members", "--latency-ms", "--seed", "--faults",
                "--help")) {
            assertTrue(SimulatorOptions.USAGE.contains(option + " "), option + " is documented");
        }
    }

    @Test
    void withoutOptionsItRunsAcmeWith500MembersOnPort8099() {
        assertEquals(new SimulatorOptions(8099, List.of("acme"), 500, Duration.ZERO, 42, List.of(), false),
                SimulatorOptions.parse());
    }

    @Test
    void readsFaultsInTheDocumentedNotation() {
        SimulatorOptions options = SimulatorOptions.parse("--faults", "POST:/system/members=drop-after-processing*1,"
                + "GET:.*=429@30s:p0.2,*:/system/members/\\d{1,3}=503*2,PATCH:.*=latency@250ms,DELETE:.*=429");

        assertEquals(List.of("drop-after-processing on POST /system/members", "rate-limited on GET .*",
                "status-503 on * /system/members/\\d{1,3}", "latency-250ms on PATCH .*", "rate-limited on DELETE .*"),
                options.faults().stream().map(Fault::toString).toList());
        assertEquals(new Fault.RateLimited(30), options.faults().get(1).kind());
        assertEquals(new Fault.RateLimited(null), options.faults().get(4).kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus 1            | unknown option --bogus",
            "--members            | option --members needs a value",
            "--members 100001     | --members does not take '100001'",
            "--members many       | --members does not take 'many'",
            "--port 70000         | --port does not take '70000'",
            "--latency-ms -1      | --latency-ms does not take '-1'",
            "--company acme,,x    | --company takes distinct company ids",
            "--company acme,acme  | --company takes distinct company ids",
            "8099                 | unexpected argument '8099'",
            "--faults GET:.*      | --faults: a fault is METHOD:PATH_REGEX=KIND",
            "--faults GET:.*=teapot | --faults: 'teapot' is not a fault kind",
            "--faults GET:(=500   | --faults: '(' is not a regular expression",
            "--faults GET:.*=500:p2 | --faults: a fault is METHOD:PATH_REGEX=KIND"})
    void refusesWhatItDoesNotUnderstand(String commandLine, String reason) {
        SimulatorOptions.UsageException refused = assertThrows(SimulatorOptions.UsageException.class,
                () -> SimulatorOptions.parse(commandLine.trim().split("\\s+")));

        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
    }

    @Test
    void aBadOptionPrintsTheUsageAndExitsWithStatus2() throws Exception {
        Run run = runMain("--members", "lots");

        assertEquals(2, run.status());
        assertTrue(run.stderr().contains("--members does not take 'lots'"), run.stderr());
        assertTrue(run.stderr().contains(SimulatorOptions.USAGE), run.stderr());
        assertFalse(run.stdout().contains("listening"), run.stdout());
    }

    @Test
    void helpPrintsTheUsageAndExitsWithStatus0() throws Exception {
        Run run = runMain("--help");

        assertEquals(0, run.status());
        assertTrue(run.stdout().contains(SimulatorOptions.USAGE), run.stdout());
    }

    private record Run(int status, String stdout, String stderr) {
    }

    /** SimulatorMain in a child JVM on this test's class path. */
    private static Run runMain(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("SimulatorMain did not exit: " + String.join(" ", args));
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
