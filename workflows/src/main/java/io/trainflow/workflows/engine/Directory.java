package io.trainflow.workflows.engine;

import java.util.Set;

/** Who belongs to which group (ld-team, hr-fallback, budget-owners, sme, ...). */
@FunctionalInterface
public interface Directory {

    Set<String> groupsOf(String username);
}
