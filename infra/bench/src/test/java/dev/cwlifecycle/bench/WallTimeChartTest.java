package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WallTimeChartTest {

    private static SyncFigure full(int members, long latencyMs, long wallMs) {
        return new SyncFigure(members, Duration.ofMillis(latencyMs), RunSummary.Mode.FULL, Duration.ofMillis(wallMs),
                members / 1000 + 1, new DynamoDbUsage(0, 0, 0, 0, 0), true);
    }

    @Test
    void fourSeriesOverNOnLogAxesWithTheMeasuredPointsLabelled() throws Exception {
        // GIVEN full syncs at L = 0 and 100 ms for N = 1,000, 10,000 and 100,000
        List<SyncFigure> figures = List.of(full(1_000, 0, 900), full(1_000, 100, 1_000), full(10_000, 0, 9_000),
                full(10_000, 100, 9_500), full(100_000, 0, 90_000), full(100_000, 100, 95_000));

        // WHEN
        String svg = WallTimeChart.render(figures, Duration.ofMillis(100), 1.15);

        // THEN it is well-formed SVG with one line per series, three points each, rising to the right
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList lines = document.getElementsByTagName("polyline");
        assertEquals(4, lines.getLength());
        for (int i = 0; i < lines.getLength(); i++) {
            List<double[]> points = points((Element) lines.item(i));
            assertEquals(3, points.size());
            assertTrue(points.get(0)[0] < points.get(2)[0] && points.get(0)[1] > points.get(2)[1],
                    "x grows with N, and a longer time is higher up (smaller y)");
        }
        assertTrue(svg.contains("limit: ceil(N/1000) x 100 ms or the writes alone"));
        assertTrue(svg.contains("target 1.15 x limit"));
        assertTrue(svg.contains(">95 s</text>"), "the measured point at 100,000 is labelled");
        assertTrue(svg.contains(">100,000</text>"), "N is on the x axis");
    }

    private static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
