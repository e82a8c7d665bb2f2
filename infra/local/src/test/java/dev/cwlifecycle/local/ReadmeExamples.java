package dev.cwlifecycle.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's shell examples: its {@code ```bash} blocks, in order. */
final class ReadmeExamples {

    static final Path README = Path.of("../../README.md").toAbsolutePath().normalize();
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    private ReadmeExamples() {
    }

    static List<String> bashBlocks() {
        try {
            Matcher block = BASH_BLOCK.matcher(Files.readString(README));
            List<String> blocks = new ArrayList<>();
            while (block.find()) {
                blocks.add(block.group(1));
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The blocks that call the API with curl, each after the block that sets {@code API} and {@code TOKEN} (the
     * simulator's fault-injection examples talk to the simulator, not the API, and answer plain text).
     */
    static List<String> curlScripts() {
        List<String> blocks = bashBlocks();
        String variables = blocks.stream().filter(block -> block.startsWith("API=")).findFirst()
                .orElseThrow(() -> new AssertionError("README sets API and TOKEN nowhere"));
        return blocks.stream().filter(block -> block.contains("curl ") && !block.contains("/_simulator/"))
                .map(block -> variables + block).toList();
    }
}
