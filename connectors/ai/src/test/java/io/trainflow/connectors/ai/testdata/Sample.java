package io.trainflow.connectors.ai.testdata;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample organisation's files (copied from config/sample by the build) read for tests. */
public final class Sample {

    public record LabelledGap(SkillNeed need, List<String> expected) {}

    /** A person of the sample organisation and every personal value a request must never carry. */
    public record Person(String employeeId, String username, String firstName, String lastName, String manager) {
        public String email() {
            return username + "@acme.example";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Sample() {}

    public static JsonNode read(String resource) {
        try (InputStream in = Sample.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<CourseCandidate> catalogue() {
        List<CourseCandidate> courses = new ArrayList<>();
        for (JsonNode c : read("sample/catalogue.json").get("courses")) {
            List<String> tags = new ArrayList<>();
            c.get("tags").forEach(t -> tags.add(t.asString()));
            courses.add(new CourseCandidate(
                    c.get("id").asString(),
                    c.get("fullname").asString(),
                    c.get("summary").asString(),
                    tags));
        }
        return courses;
    }

    public static List<LabelledGap> labelledGaps() {
        List<LabelledGap> gaps = new ArrayList<>();
        for (JsonNode g : read("labelled-gaps.json").get("gaps")) {
            List<String> expected = new ArrayList<>();
            g.get("expected").forEach(e -> expected.add(e.asString()));
            gaps.add(new LabelledGap(
                    new SkillNeed(
                            g.get("skillId").asString(),
                            g.get("skillName").asString(),
                            g.get("description").asString(),
                            3,
                            1),
                    expected));
        }
        return gaps;
    }

    public static List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (JsonNode e : read("sample/organisation.json").get("employees")) {
            people.add(new Person(
                    e.get("employeeId").asString(),
                    e.get("username").asString(),
                    e.get("firstName").asString(),
                    e.get("lastName").asString(),
                    e.get("manager").isNull() ? null : e.get("manager").asString()));
        }
        return people;
    }

    public static Person person(String username) {
        return people().stream()
                .filter(p -> p.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
