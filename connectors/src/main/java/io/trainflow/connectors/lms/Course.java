package io.trainflow.connectors.lms;

/**
 * A course of the LMS catalogue (Moodle: id, shortname, fullname, summary, categoryid).
 *
 * @param summary plain text or the LMS's HTML summary
 */
public record Course(String id, String shortname, String fullname, String summary, String categoryId) {}
