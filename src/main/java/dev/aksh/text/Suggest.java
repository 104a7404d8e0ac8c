package dev.aksh.text;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?": the nearest known word by edit distance (with transpositions). */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate nearest to {@code typed}, or null when none is close enough to be a likely typo. */
    public static String nearest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String cl = c.toLowerCase(Locale.ROOT);
            int d = distance(t, cl);
            if (cl.startsWith(t) && t.length() >= 3) {
                d = Math.min(d, 1); // an unambiguous abbreviation is as good as a typo
            }
            if (d < bestDistance || (d == bestDistance && best != null && c.length() < best.length())) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, Math.min(3, t.length() / 3));
        return bestDistance <= limit ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
