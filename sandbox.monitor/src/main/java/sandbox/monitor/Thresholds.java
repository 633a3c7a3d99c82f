package sandbox.monitor;

import sandbox.api.ResourceLevel;

/**
 * WARNING and ERROR thresholds as percentages of a limit. A figure is at ERROR when it is over
 * {@code errorPercent} of its limit, at WARNING when it reaches {@code warningPercent} (and is above zero, so a
 * zero quota is not a warning when unused).
 *
 * @param warningPercent e.g. 80
 * @param errorPercent e.g. 100
 */
record Thresholds(int warningPercent, int errorPercent) {

    /** Rejects percentages that are not 1..1000 or a warning above the error. */
    Thresholds {
        if (warningPercent < 1 || errorPercent < 1 || warningPercent > 1000 || errorPercent > 1000) {
            throw new IllegalArgumentException("threshold percentages must be 1..1000, were warning " + warningPercent
                    + " %, error " + errorPercent + " %");
        }
        if (warningPercent > errorPercent) {
            throw new IllegalArgumentException("warning threshold " + warningPercent + " % is above the error threshold "
                    + errorPercent + " %");
        }
    }

    /** @return where {@code value} stands against {@code limit} */
    ResourceLevel level(long value, long limit) {
        double ratio = limit == 0 ? (value > 0 ? Double.POSITIVE_INFINITY : 0) : (double) value / limit;
        if (ratio * 100 > errorPercent) {
            return ResourceLevel.ERROR;
        }
        if (value > 0 && ratio * 100 >= warningPercent) {
            return ResourceLevel.WARNING;
        }
        return ResourceLevel.NORMAL;
    }
}
