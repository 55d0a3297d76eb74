package io.trainflow.connectors.hcm;

/**
 * One sub-unit of the organisation tree.
 *
 * @param parentId null for the root unit
 */
public record Department(String id, String name, String parentId) {}
