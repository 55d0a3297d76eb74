package io.trainflow.connectors.hcm;

import java.time.LocalDate;

/**
 * A completed performance review (OrangeHRM: the final evaluation).
 *
 * @param finalRating the final rating on the HCM's scale (OrangeHRM: 0..100)
 */
public record PerformanceReview(
        String reviewId,
        String employeeId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate completedDate,
        double finalRating,
        String finalComment) {}
