package io.trainflow.connectors.moodle;

import io.trainflow.connectors.lms.FeedbackResponse;
import io.trainflow.connectors.moodle.model.Feedback;
import io.trainflow.connectors.moodle.model.FeedbackAnonAttempt;
import io.trainflow.connectors.moodle.model.FeedbackAttempt;
import io.trainflow.connectors.moodle.model.FeedbackItemResponse;
import io.trainflow.connectors.moodle.model.FeedbackResponsesAnalysis;
import io.trainflow.connectors.moodle.model.MoodleUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Course feedback (Kirkpatrick level 1) from Moodle's feedback activities: the activities of the
 * courses (mod_feedback_get_feedbacks_by_courses, one call), then every answer to each activity
 * (mod_feedback_get_responses_analysis, one call per activity), responders resolved from Moodle
 * user ids to usernames in one call. A feedback form is free-form in Moodle, so the two answers
 * Trainflow reads are found by convention: the score is the item whose question mentions
 * "recommend" (else the first answer that is a whole number 0..10), the comment is the item whose
 * question mentions "comment" (else the first other non-numeric answer).
 */
final class MoodleFeedback {

    private final MoodleCalls moodle;

    MoodleFeedback(MoodleCalls moodle) {
        this.moodle = moodle;
    }

    /** The feedback activities of the courses; unknown courses come back as Moodle warnings and are left out. */
    List<Feedback> activities(Collection<Long> courseIds) {
        return courseIds.isEmpty()
                ? List.of()
                : Optional.ofNullable(moodle.feedbacks(courseIds).getFeedbacks())
                        .orElse(List.of());
    }

    List<FeedbackResponse> responses(Collection<Long> courseIds) {
        List<FeedbackResponse> result = new ArrayList<>();
        for (Feedback activity : activities(courseIds)) {
            FeedbackResponsesAnalysis analysis = moodle.feedbackResponses(activity.getId());
            String course = String.valueOf(activity.getCourse());
            List<FeedbackAttempt> named =
                    Optional.ofNullable(analysis.getAttempts()).orElse(List.of());
            Map<Long, String> usernames =
                    usernames(named.stream().map(FeedbackAttempt::getUserid).collect(Collectors.toSet()));
            for (FeedbackAttempt a : named) {
                result.add(response(course, usernames.get(a.getUserid()), a.getResponses(), a.getTimemodified()));
            }
            for (FeedbackAnonAttempt a :
                    Optional.ofNullable(analysis.getAnonattempts()).orElse(List.<FeedbackAnonAttempt>of())) {
                result.add(response(course, null, a.getResponses(), null));
            }
        }
        return result;
    }

    private Map<Long, String> usernames(Set<Long> ids) {
        ids.remove(null);
        return ids.isEmpty()
                ? Map.of()
                : moodle.usersById(ids).stream()
                        .collect(Collectors.toMap(
                                MoodleUser::getId, MoodleUser::getUsername, (a, b) -> a, HashMap::new));
    }

    private static FeedbackResponse response(
            String courseId, String username, List<FeedbackItemResponse> items, Long time) {
        List<FeedbackItemResponse> answers = items == null ? List.of() : items;
        FeedbackItemResponse scoreItem = find(answers, "recommend", a -> score(a) != null);
        FeedbackItemResponse commentItem =
                find(answers, "comment", a -> a != scoreItem && score(a) == null && !value(a).isBlank());
        return new FeedbackResponse(
                courseId,
                username,
                scoreItem == null ? null : score(scoreItem),
                commentItem == null || value(commentItem).isBlank() ? null : value(commentItem),
                time == null || time == 0 ? null : Instant.ofEpochSecond(time));
    }

    /** The item whose question names the keyword, else the first that fits. */
    private static FeedbackItemResponse find(
            List<FeedbackItemResponse> answers, String keyword, Function<FeedbackItemResponse, Boolean> fits) {
        return answers.stream()
                .filter(a -> a.getName() != null
                        && a.getName().toLowerCase(Locale.ROOT).contains(keyword))
                .findFirst()
                .orElseGet(
                        () -> answers.stream().filter(fits::apply).findFirst().orElse(null));
    }

    /** A whole number 0..10 as shown (printval: a multichoice's label), else as stored (rawval: a numeric item). */
    private static Integer score(FeedbackItemResponse a) {
        for (String v : new String[] {a.getPrintval(), a.getRawval()}) {
            try {
                int n = Integer.parseInt(v == null ? "" : v.trim());
                if (n >= 0 && n <= 10) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // try the other representation
            }
        }
        return null;
    }

    private static String value(FeedbackItemResponse a) {
        String v = a.getPrintval() != null ? a.getPrintval() : a.getRawval();
        return v == null ? "" : v.trim();
    }
}
