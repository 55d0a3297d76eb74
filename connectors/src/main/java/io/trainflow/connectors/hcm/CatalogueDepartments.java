package io.trainflow.connectors.hcm;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An HCM's organisation units seen as the catalogue's budget departments. Budgets are kept per department
 * ("engineering"); the HCM knows units by its own ids and people sit in teams below the department
 * (OrangeHRM: Alice in "Platform Team" under "Engineering"). A unit is the catalogue department of the same
 * name or id (case-insensitive), else that of its nearest ancestor that has one; the tree is read at most every
 * five minutes. Units under no catalogue department keep the HCM's id, so nothing is invented.
 */
final class CatalogueDepartments {

    private static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final Supplier<List<Department>> hcmUnits;
    private final Map<String, Department> catalogueByKey = new HashMap<>();
    private volatile Snapshot snapshot;

    CatalogueDepartments(Supplier<List<Department>> hcmUnits, List<Department> catalogueDepartments) {
        this.hcmUnits = hcmUnits;
        catalogueDepartments.forEach(d -> {
            // first wins: a department's own entry comes before those of its other names
            catalogueByKey.putIfAbsent(key(d.id()), d);
            catalogueByKey.putIfAbsent(key(d.name()), d);
        });
    }

    /** The catalogue department an HCM unit belongs to, if any. */
    Optional<Department> of(String hcmUnitId) {
        return hcmUnitId == null
                ? Optional.empty()
                : Optional.ofNullable(current().byUnit.get(hcmUnitId));
    }

    /** The HCM unit that is this catalogue department itself (not one below it), if the HCM has one. */
    Optional<String> unitOf(String catalogueDepartmentId) {
        return Optional.ofNullable(current().unitByDepartment.get(catalogueDepartmentId));
    }

    /** The HCM's units, those that are a catalogue department under its id and name. */
    List<Department> units() {
        Snapshot s = current();
        return s.units.stream()
                .map(u ->
                        new Department(own(s, u.id()), ownName(u), u.parentId() == null ? null : own(s, u.parentId())))
                .toList();
    }

    private String own(Snapshot s, String unitId) {
        Department own = s.ownMatch.get(unitId);
        return own == null ? unitId : own.id();
    }

    private String ownName(Department unit) {
        Department own = match(unit);
        return own == null ? unit.name() : own.name();
    }

    private Department match(Department unit) {
        Department byName = catalogueByKey.get(key(unit.name()));
        return byName != null ? byName : catalogueByKey.get(key(unit.id()));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readAt > FRESH_FOR.toNanos()) {
            s = read(hcmUnits.get());
            snapshot = s;
        }
        return s;
    }

    private Snapshot read(List<Department> units) {
        Map<String, Department> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Map<String, Department> ownMatch = new HashMap<>();
        Map<String, String> unitByDepartment = new HashMap<>();
        for (Department u : units) {
            Department own = match(u);
            if (own != null) {
                ownMatch.put(u.id(), own);
                unitByDepartment.putIfAbsent(own.id(), u.id());
            }
        }
        Map<String, Department> byUnit = new HashMap<>();
        for (Department u : units) {
            // nearest unit up the tree that is a catalogue department; the depth bound guards a cyclic tree
            Department at = u;
            for (int depth = 0; at != null && depth <= units.size(); depth++) {
                Department own = ownMatch.get(at.id());
                if (own != null) {
                    byUnit.put(u.id(), own);
                    break;
                }
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
        }
        return new Snapshot(System.nanoTime(), List.copyOf(units), ownMatch, unitByDepartment, byUnit);
    }

    private static String key(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private record Snapshot(
            long readAt,
            List<Department> units,
            Map<String, Department> ownMatch,
            Map<String, String> unitByDepartment,
            Map<String, Department> byUnit) {}
}
