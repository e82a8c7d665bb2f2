package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NativeCheckTest {

    @Test
    void answersCompareApartFromTenantIdsTimesAndDurations() {
        // GIVEN the same answer from two runs: other tenant, correlation id, watermark and duration
        String nativeAnswer = """
                {"tenant":"check-native-sync","correlationId":"65fddbda-5275-469c-88a7-3d61f2f950b4",\
                "newWatermark":"2026-12-04T17:02:49.924Z","durationMillis":903,"memberId":131}""";
        String jvmAnswer = """
                {"tenant":"check-jvm-sync","correlationId":"0f1e2d3c-aaaa-bbbb-cccc-000000000001",\
                "newWatermark":"2026-12-04T17:03:01Z","durationMillis":5790,"memberId":131}""";

        // THEN they are equal once normalised, and a different member id still tells them apart
        assertEquals(NativeCheck.normalise(nativeAnswer, "check-native-sync"),
                NativeCheck.normalise(jvmAnswer, "check-jvm-sync"));
        assertNotEquals(NativeCheck.normalise(nativeAnswer, "check-native-sync"),
                NativeCheck.normalise(jvmAnswer.replace("131", "132"), "check-jvm-sync"));
    }

    @Test
    void aPageCursorAndAScimVersionCompareAsPlaceholders() {
        // GIVEN two API Gateway answers whose bodies hold a page cursor (it names the tenant) and a SCIM version
        String nativeAnswer = """
                {"statusCode":200,"body":"{\\"members\\":[],\\"nextCursor\\":\\"eyJ0ZW5hbnQiOiJjaGVjay1u_-w\\",\
                \\"meta\\":{\\"version\\":\\"W/\\\\\\"1764921769924\\\\\\"\\"}}"}""";
        String jvmAnswer = nativeAnswer.replace("eyJ0ZW5hbnQiOiJjaGVjay1u_-w", "eyJ0ZW5hbnQiOiJjaGVjay1q")
                .replace("1764921769924", "1764921781002");

        // THEN they are equal once normalised, and another member list still tells them apart
        assertEquals(NativeCheck.normalise(nativeAnswer, "check-x"), NativeCheck.normalise(jvmAnswer, "check-x"));
        assertNotEquals(NativeCheck.normalise(nativeAnswer, "check-x"),
                NativeCheck.normalise(jvmAnswer.replace("[]", "[1]"), "check-x"));
    }
}
