package io.trainflow.connectors.hcm;

import java.time.LocalDate;

/**
 * A completed training or certification (OrangeHRM has no training module: a licence).
 *
 * @param recordId  HCM id, null before it is stored
 * @param name      training name (OrangeHRM licence type name), e.g. the course title
 * @param number    reference (licence number), e.g. the course shortname and request id
 * @param expiryDate null when it does not expire
 */
public record TrainingRecord(String recordId, String name, String number, LocalDate issuedDate, LocalDate expiryDate) {}
