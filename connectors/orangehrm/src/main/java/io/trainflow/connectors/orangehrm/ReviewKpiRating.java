package io.trainflow.connectors.orangehrm;

import java.math.BigDecimal;

/**
 * A supervisor's rating of one KPI of a review. OrangeHRM sends the rating as a string ("85.00",
 * or "85" right after saving); here it is a number, null while unrated.
 */
public record ReviewKpiRating(
        String kpiId, String kpiTitle, BigDecimal rating, BigDecimal minRating, BigDecimal maxRating, String comment) {}
