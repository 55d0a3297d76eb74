package io.trainflow.plugin.config;

import io.trainflow.connectors.catalogue.JdbcCatalogue;

/**
 * What the embedded demo puts into Trainflow's database at start (its catalogue, names, groups and delegations into
 * empty tables), provided by {@code plugin.sample}. Asked for only when the sample organisation stands for the LMS or
 * the HCM; production starts empty.
 */
public interface DemoSeed {

    void atStart(JdbcCatalogue catalogue);
}
