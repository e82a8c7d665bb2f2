package dev.cwlifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's deployment package, {@code functions/<name>/target/function.zip} (JVM) or
 * {@code target/native/function.zip} (native, its {@code bootstrap}), unpacked as Lambda unpacks it: for the JVM
 * the classpath is the package root and every jar in its {@code lib/}.
 */
record FunctionPackage(String function, Path zip, Path unpacked, long unpackedBytes) {

    /** {@code zipUnderTarget}: the package's path under the module's {@code target/}. */
    static boolean exists(Path repository, String function, String zipUnderTarget) {
        return Files.isRegularFile(zip(repository, function, zipUnderTarget));
    }

    /** {@code zipUnderTarget}: the package's path under the module's {@code target/}. */
    static FunctionPackage unpack(Path repository, String function, String zipUnderTarget, Path into) {
        Path zip = zip(repository, function, zipUnderTarget);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build the functions first (./run-bench and"
                    + " ./run-native-check do)");
        }
        Path root = into.resolve(function);
        long bytes = 0;
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("function.zip names a path outside itself: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    bytes += Files.copy(entries, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip, e);
        }
        return new FunctionPackage(function, zip, root, bytes);
    }

    long packageBytes() {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lambda's classpath for the package, then {@code extra}. */
    String classpath(Path extra) {
        String separator = java.io.File.pathSeparator;
        return unpacked + separator + unpacked.resolve("lib") + java.io.File.separator + "*" + separator + extra;
    }

    /** Copies the cold-start harness class alone into {@code into}, so no other bench class reaches the function. */
    static Path harness(Path into) {
        String name = LambdaColdStart.class.getName().replace('.', '/') + ".class";
        Path target = into.resolve("harness").resolve(name);
        try (InputStream bytes = LambdaColdStart.class.getClassLoader().getResourceAsStream(name)) {
            if (bytes == null) {
                throw new IllegalStateException("The class file " + name + " is not readable");
            }
            Files.createDirectories(target.getParent());
            Files.copy(bytes, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into.resolve("harness");
    }

    private static Path zip(Path repository, String function, String zipUnderTarget) {
        return repository.resolve("functions").resolve(function).resolve("target").resolve(zipUnderTarget);
    }
}
