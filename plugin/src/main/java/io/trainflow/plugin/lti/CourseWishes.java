package io.trainflow.plugin.lti;

import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue course a launch pre-selects as the wish. Moodle sends its own course id ({@code context.id}) and the
 * course's shortname ({@code context.label}); the catalogue's courses find their Moodle course by shortname (README,
 * "Connect a real Moodle"), so the shortname decides. The custom parameter {@code trainflow_course} (a catalogue id or
 * shortname) overrides it; with the sample LMS, Moodle's id is the catalogue id. The courses come from the LMS port,
 * which names them by catalogue id whatever the LMS (Moodle's own ids are mapped back by shortname).
 */
class CourseWishes {

    private final LmsPort lms;

    CourseWishes(LmsPort lms) {
        this.lms = lms;
    }

    /** The wished catalogue course, if the launch came from one. */
    Optional<Course> of(Launch launch) {
        Object custom = launch.custom().get("trainflow_course");
        List<Course> catalogue = lms.courses();
        return find(catalogue, custom instanceof String s && !s.startsWith("$") ? s : null)
                .or(() -> find(catalogue, launch.contextLabel()))
                .or(() -> find(catalogue, launch.contextId()));
    }

    private static Optional<Course> find(List<Course> catalogue, String idOrShortname) {
        if (idOrShortname == null || idOrShortname.isBlank()) {
            return Optional.empty();
        }
        return catalogue.stream()
                .filter(c -> c.shortname().equalsIgnoreCase(idOrShortname))
                .findFirst()
                .or(() -> catalogue.stream()
                        .filter(c -> c.id().equals(idOrShortname))
                        .findFirst());
    }
}
