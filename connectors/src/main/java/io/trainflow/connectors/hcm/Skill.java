package io.trainflow.connectors.hcm;

/** A skill of the organisation's skill list (OrangeHRM: id, name, description). */
public record Skill(String id, String name, String description) {}
