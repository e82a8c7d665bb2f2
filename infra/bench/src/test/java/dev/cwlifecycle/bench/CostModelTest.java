package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CostModelTest {

    @Test
    void theBillIsTheMeasuredWorkTimesListPrices() {
        // GIVEN 1,000 invocations of 1.5004 s (billed 1,501 ms at 1 GB) with 2 WRU and 10 RRU each, and 500 more of
        // 0.2 s with nothing in DynamoDB
        List<CostModel.Workload> workloads = List.of(
                new CostModel.Workload("a", 1000, Duration.ofNanos(1_500_400_000L), 1024, new DynamoDbUsage(3, 10, 2, 9, 9)),
                new CostModel.Workload("b", 500, Duration.ofMillis(200), 1024, new DynamoDbUsage(0, 0, 0, 0, 0)));

        // WHEN
        Map<String, Double> bill = CostModel.bill(workloads, 1).stream()
                .collect(Collectors.toMap(CostModel.Line::item, CostModel.Line::dollars));

        // THEN
        double gbSeconds = 1000 * 1.501 + 500 * 0.2;
        assertEquals(gbSeconds * 0.0000166667, bill.get("Lambda compute"), 1e-12);
        assertEquals(1500 * 0.20 / 1e6, bill.get("Lambda requests"), 1e-12);
        assertEquals(2000 * 0.625 / 1e6, bill.get("DynamoDB writes"), 1e-12);
        assertEquals(10000 * 0.125 / 1e6, bill.get("DynamoDB reads"), 1e-12);
        assertEquals(0.40, bill.get("Secrets Manager secret"), 1e-12);
        assertEquals(1500 * 0.05 / 1e4, bill.get("Secrets Manager calls"), 1e-12);
        assertEquals(bill.values().stream().mapToDouble(Double::doubleValue).sum(),
                CostModel.total(CostModel.bill(workloads, 1)), 1e-12);
    }

    @Test
    void computeIsBilledAtEachWorkloadsMemory() {
        // GIVEN the same 1,000 invocations of 100 ms at 1024 MB (the JVM) and at 256 MB (native)
        DynamoDbUsage none = new DynamoDbUsage(0, 0, 0, 0, 0);
        CostModel.Workload jvm = new CostModel.Workload("jvm", 1000, Duration.ofMillis(100), 1024, none);
        CostModel.Workload nativeImage = new CostModel.Workload("native", 1000, Duration.ofMillis(100), 256, none);

        // THEN a quarter of the GB-seconds
        assertEquals(100.0, jvm.gigabyteSeconds(), 1e-9);
        assertEquals(25.0, nativeImage.gigabyteSeconds(), 1e-9);
    }
}
