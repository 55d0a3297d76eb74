package io.trainflow.connectors.ai.port;

import java.util.List;

/**
 * The candidate sessions of one course, best first, and why the first one. Empty when no session can be
 * taken (none upcoming with seats left before the deadline); {@code reason} then says so.
 */
public record SessionMatch(List<String> ranking, String reason) {

    public String chosen() {
        return ranking.isEmpty() ? null : ranking.get(0);
    }
}
