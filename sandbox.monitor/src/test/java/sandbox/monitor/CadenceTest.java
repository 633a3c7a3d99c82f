package sandbox.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Each plugin at its own interval, booked from its due time; a plugin with monitoring off is never due. */
public class CadenceTest {
    private final Cadence cadence = new Cadence();

    @Test
    public void aPluginIsDueOncePerInterval() {
        assertTrue(cadence.due("p", 0, 10));
        assertFalse(cadence.due("p", 5, 10));
        assertTrue(cadence.due("p", 10, 10));
        assertTrue("a late tick does not stretch the cadence", cadence.due("p", 23, 10));
        assertFalse(cadence.due("p", 29, 10));
        assertTrue(cadence.due("p", 30, 10));
    }

    @Test
    public void neverMeansNeverAndTheNextDueTimeIsTheEarliest() {
        assertFalse(cadence.due("off", 0, Cadence.NEVER));
        cadence.due("fast", 0, 10);
        cadence.due("slow", 0, 1000);
        assertEquals(10, cadence.untilNext(0, 500));
        assertEquals(4, cadence.untilNext(6, 500));
        assertEquals("capped", 3, cadence.untilNext(0, 3));
    }
}
