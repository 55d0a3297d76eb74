package io.trainflow.connectors.catalogue;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import java.util.function.Supplier;

/**
 * Health and {@code check-connections} say when the catalogue is empty (a production start before anyone imported
 * one): no request can be planned until a course is in it.
 */
public final class CatalogueCheck implements ConnectionCheck {

    public static final String SYSTEM = "catalogue";

    private final Supplier<JdbcCatalogue> catalogue;
    private final boolean demo;

    /** @param demo the demo imports the sample's catalogue at the server's first start: empty before that is fine */
    public CatalogueCheck(Supplier<JdbcCatalogue> catalogue, boolean demo) {
        this.catalogue = catalogue;
        this.demo = demo;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public CheckResult check() {
        try {
            JdbcCatalogue c = catalogue.get();
            if (c.isEmpty() && demo) {
                return CheckResult.of(
                        system(),
                        new Finding(
                                Finding.Kind.NOTE,
                                "courses",
                                "empty: the demo imports the sample's catalogue at the server's first start"));
            }
            if (c.isEmpty()) {
                return CheckResult.of(
                        system(),
                        new Finding(
                                Finding.Kind.MISSING_DATA,
                                "courses",
                                "catalogue is empty: import one (POST /api/catalogue/import, README \"Catalogue, budgets and groups\")"));
            }
            return CheckResult.of(
                    system(),
                    Finding.ok(
                            "courses",
                            c.offerings().size() + " courses, " + c.budgets().size() + " department budgets"));
        } catch (RuntimeException e) {
            return CheckResult.of(
                    system(),
                    new Finding(
                            Finding.Kind.NOT_CHECKED, "courses", "the database could not be read: " + e.getMessage()));
        }
    }
}
