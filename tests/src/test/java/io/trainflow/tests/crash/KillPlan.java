package io.trainflow.tests.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The kill points still to hit. Each run of the application is armed with all of them: it is killed at the first
 * one it reaches (a step log line seen for the n-th time in this run, or an acknowledgement), which then counts
 * as hit. Kill points the lifecycle no longer reaches stay unhit.
 */
final class KillPlan {

    private final List<KillPoint> left;
    private final Map<String, String> hit = new LinkedHashMap<>();
    private Map<KillPoint, Integer> seen = new HashMap<>();

    KillPlan(List<KillPoint> points) {
        this.left = new ArrayList<>(points);
    }

    /** The log trigger for a new run (occurrences count from its start). */
    synchronized Predicate<String> trigger() {
        seen = new HashMap<>();
        return this::onLine;
    }

    private synchronized boolean onLine(String line) {
        for (KillPoint point : left) {
            if (point.line() != null
                    && point.line().matcher(line).find()
                    && seen.merge(point, 1, Integer::sum) >= point.occurrence()) {
                hit(point, line);
                return true;
            }
        }
        return false;
    }

    /** True (and hit) when a kill point waits for this Moodle call (counted per run, like log lines). */
    synchronized boolean onMoodleCall(String function) {
        for (KillPoint point : left) {
            if (function.equals(point.moodleCall()) && seen.merge(point, 1, Integer::sum) >= point.occurrence()) {
                hit(point, "Moodle answering " + function);
                return true;
            }
        }
        return false;
    }

    /** True (and hit) when a kill point waits for this acknowledgement. */
    synchronized boolean onAck(KillPoint.Ack ack, String what) {
        for (KillPoint point : left) {
            if (point.ack() == ack) {
                hit(point, what);
                return true;
            }
        }
        return false;
    }

    private void hit(KillPoint point, String where) {
        left.remove(point);
        hit.put(
                point.name() + " (" + point.phase() + ")",
                where.length() > 160 ? where.substring(where.length() - 160) : where);
    }

    synchronized Map<String, String> hit() {
        return Map.copyOf(hit);
    }

    synchronized List<String> unhit() {
        return left.stream().map(KillPoint::name).toList();
    }

    synchronized boolean done() {
        return left.isEmpty();
    }
}
