package io.trainflow.workflows.engine;

import java.util.List;

/** One page of an inbox; {@code next} is the position the following page starts at, null on the last page. */
public record InboxPage(List<InboxTask> tasks, Integer next) {}
