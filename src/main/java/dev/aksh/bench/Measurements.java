package dev.aksh.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A set of timings or sizes, summarised as operators read them: median, spread, worst. */
final class Measurements {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    int count() {
        return values.size();
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (s.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (rank - lo);
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@code 0.74 s (min 0.70, max 0.81, n=7)} in the given unit. */
    String summary(String unit, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " %s (min " + f + ", max " + f + ", n=%d)", median(), unit, min(), max(), count());
    }
}
