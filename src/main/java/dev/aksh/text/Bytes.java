package dev.aksh.text;

import java.util.Locale;

/** Byte counts for people: {@code 512 B}, {@code 14.2 kB}, {@code 3.1 MB}, {@code 2.0 GB}. */
public final class Bytes {
    private Bytes() {
    }

    public static String human(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
