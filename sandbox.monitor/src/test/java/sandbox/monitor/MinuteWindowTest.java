package sandbox.monitor;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The sliding minute: growth over the last 60 whole seconds, counting from the first sighting before that. */
public class MinuteWindowTest {

    @Test
    public void firstMinuteCountsEverythingSinceTheFirstSighting() {
        MinuteWindow w = new MinuteWindow();
        w.record(100, 5, 0, 0, 0);
        w.record(130, 50, 0, 0, 0);
        assertEquals(50, w.lastMinute(130, 0, 50));
        assertEquals(30, w.span(130));
    }

    @Test
    public void slidesOneSecondAtATime() {
        MinuteWindow w = new MinuteWindow();
        for (long s = 0; s <= 200; s++) {
            w.record(s, s * 10, s, 0, 0); // 10 units per second
        }
        assertEquals(600, w.lastMinute(200, 0, 2000));
        assertEquals(60, w.lastMinute(200, 1, 200));
        assertEquals(60, w.span(200));
    }

    @Test
    public void sparseSamplesUseTheOldestSecondInsideTheWindow() {
        MinuteWindow w = new MinuteWindow();
        w.record(0, 0, 0, 0, 0);
        w.record(45, 450, 0, 0, 0);
        w.record(90, 900, 0, 0, 0);
        w.record(135, 1350, 0, 0, 0);
        assertEquals("from second 90, the oldest sample within [75, 135]", 450, w.lastMinute(135, 0, 1350));
    }

    @Test
    public void aCounterThatDidNotMoveShowsZero() {
        MinuteWindow w = new MinuteWindow();
        for (long s = 0; s <= 120; s++) {
            w.record(s, 7, 0, 0, 0);
        }
        assertEquals(0, w.lastMinute(120, 0, 7));
    }
}
