package sandbox.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import sandbox.api.IoCounters;
import sandbox.api.PluginLimits;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;
import sandbox.api.ResourceUsage;

/** Levels against limits: WARNING at 80 %, ERROR over 100 %, one event per change. */
public class ThresholdsTest {
    private final Thresholds thresholds = new Thresholds(80, 100);

    @Test
    public void levelsByShareOfTheLimit() {
        assertEquals(ResourceLevel.NORMAL, thresholds.level(79, 100));
        assertEquals(ResourceLevel.WARNING, thresholds.level(80, 100));
        assertEquals(ResourceLevel.WARNING, thresholds.level(100, 100));
        assertEquals(ResourceLevel.ERROR, thresholds.level(101, 100));
        assertEquals("an unused zero quota is fine", ResourceLevel.NORMAL, thresholds.level(0, 0));
        assertEquals(ResourceLevel.ERROR, thresholds.level(1, 0));
    }

    @Test
    public void rejectsAWarningAboveTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Thresholds(90, 80));
        assertTrue(e.getMessage(), e.getMessage().contains("warning threshold 90 %"));
    }

    @Test
    public void figuresUseTheMinuteWindowAndSkipUnlimitedResources() {
        PluginLimits limits = PluginLimits.builder().cpuTime(Duration.ofSeconds(2)).maxOpenFiles(10).build();
        ResourceUsage usage = usage(1_700_000_000L, 9);
        Map<ResourceKind, Measure.Figure> figures = Measure.figures(usage, limits, 60);
        assertEquals(new Measure.Figure(1_700_000_000L, 2_000_000_000L), figures.get(ResourceKind.CPU));
        assertEquals(new Measure.Figure(9, 10), figures.get(ResourceKind.OPEN_FILES));
        assertTrue("no bandwidth limit by default", !figures.containsKey(ResourceKind.BANDWIDTH));
        assertTrue("no file-bytes limit by default", !figures.containsKey(ResourceKind.FILE_BYTES));
    }

    @Test
    public void aChangeOfLevelIsOneEventAndStayingPutIsNone() {
        LevelTracker tracker = new LevelTracker();
        PluginLimits limits = PluginLimits.builder().maxOpenFiles(10).build();
        Instant now = Instant.now();
        assertTrue(tracker.check("p", Measure.figures(usage(0, 5), limits, 60), thresholds, now).isEmpty());
        List<ResourceEvent> warn = tracker.check("p", Measure.figures(usage(0, 8), limits, 60), thresholds, now);
        assertEquals(1, warn.size());
        assertEquals(new ResourceEvent("p", ResourceKind.OPEN_FILES, ResourceLevel.NORMAL, ResourceLevel.WARNING, 8, 10, now), warn.get(0));
        assertTrue(tracker.check("p", Measure.figures(usage(0, 9), limits, 60), thresholds, now).isEmpty());
        List<ResourceEvent> error = tracker.check("p", Measure.figures(usage(0, 11), limits, 60), thresholds, now);
        assertEquals(ResourceLevel.ERROR, error.get(0).level());
        List<ResourceEvent> back = tracker.check("p", Measure.figures(usage(0, 0), limits, 60), thresholds, now);
        assertEquals(ResourceLevel.NORMAL, back.get(0).level());
        assertTrue(!back.get(0).rising());
        assertEquals(ResourceLevel.NORMAL, tracker.levels("p").get(ResourceKind.OPEN_FILES));
    }

    private static ResourceUsage usage(long cpuLastMinute, long openFiles) {
        IoCounters io = new IoCounters(0, 0, openFiles, openFiles, 0, 0, 0, 0);
        return new ResourceUsage("p", cpuLastMinute, 0, 0, 0, io, cpuLastMinute, 0, 0, 0, Instant.now());
    }
}
