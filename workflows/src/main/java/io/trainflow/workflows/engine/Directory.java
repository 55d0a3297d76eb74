package io.trainflow.workflows.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who belongs to which group (ld-team, hr-fallback, budget-owners, sme, auditors, ...). */
@FunctionalInterface
public interface Directory {

    Set<String> groupsOf(String username);

    /** The members of a group, when this directory can list them (separation of duties re-routes with it). */
    default Optional<Set<String>> membersOf(String group) {
        return Optional.empty();
    }

    /** A directory over a fixed map of groups to members (the sample organisation's {@code groups.json}). */
    static Directory of(Map<String, ? extends Collection<String>> groups) {
        return new Directory() {
            @Override
            public Set<String> groupsOf(String username) {
                Set<String> of = new HashSet<>();
                groups.forEach((group, members) -> {
                    if (members.contains(username)) {
                        of.add(group);
                    }
                });
                return of;
            }

            @Override
            public Optional<Set<String>> membersOf(String group) {
                Collection<String> members = groups.get(group);
                return Optional.of(members == null ? Set.of() : Set.copyOf(members));
            }
        };
    }
}
