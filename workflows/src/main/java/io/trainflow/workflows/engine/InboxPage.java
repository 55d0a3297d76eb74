package io.trainflow.workflows.engine;

import java.util.List;

/**
 * One page of an inbox; {@code next} is the position the following page starts at, null on the last page;
 * {@code after} the opaque cursor the following page starts after (null on the last page, or when the engine pages
 * by position only).
 */
public record InboxPage(List<InboxTask> tasks, Integer next, String after) {

    public InboxPage(List<InboxTask> tasks, Integer next) {
        this(tasks, next, null);
    }
}
