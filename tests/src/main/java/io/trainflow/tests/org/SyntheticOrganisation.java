package io.trainflow.tests.org;

import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a sample-organisation directory (the layout of config/sample/) with one department of
 * {@code size} employees: a head reporting to the CEO, engineering managers with about 20
 * reports each, and software engineers. Job titles, skills, roles and courses are the sample's
 * own; every session gets room for everyone and the department's budget covers everyone, so
 * every employee has a skill gap, a learning path under 1000 EUR (manager approval only) and a
 * session. Nobody has a course history or a delegation.
 */
public final class SyntheticOrganisation {

    public static final String DEPARTMENT = "engineering";
    public static final String CAMPAIGN_OWNER = "ld.lead";
    public static final String HR_FALLBACK = "hr.fallback";
    static final int REPORTS_PER_MANAGER = 20;

    private SyntheticOrganisation() {}

    /** Writes the five files into {@code dir} and returns the people written. */
    public static List<OrgData.Person> write(Path dir, int size) {
        try {
            Files.createDirectories(dir);
            List<OrgData.Person> people = people(size);
            ObjectNode org = (ObjectNode) sample("organisation.json");
            org.put("name", "Synthetic Ltd (" + size + " in " + DEPARTMENT + ")");
            org.set("employees", Json.MAPPER.valueToTree(people));
            Files.writeString(dir.resolve("organisation.json"), Json.write(org));
            Files.writeString(dir.resolve("catalogue.json"), Json.write(catalogue()));
            Files.writeString(
                    dir.resolve("groups.json"),
                    Json.write(Map.of(
                            "ld-team",
                            List.of(CAMPAIGN_OWNER),
                            "hr-fallback",
                            List.of(HR_FALLBACK),
                            "budget-owners",
                            List.of("eng.head", "ceo"),
                            "sme",
                            List.of(),
                            "admins",
                            List.of())));
            Files.writeString(dir.resolve("delegations.json"), "[]");
            Files.writeString(dir.resolve("lms-history.json"), "{\"history\": []}");
            return people;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<OrgData.Person> people(int size) {
        List<OrgData.Person> people = new ArrayList<>();
        people.add(person("1", "ceo", "chief-executive", "company", null, Map.of("coaching", 5, "presentation", 5)));
        people.add(person("2", CAMPAIGN_OWNER, "ld-specialist", "hr", "ceo", Map.of("recruiting", 3)));
        people.add(person("3", HR_FALLBACK, "hr-specialist", "hr", "ceo", Map.of("employment-law", 3)));
        Map<String, Integer> lead = Map.of("coaching", 3, "presentation", 3, "data-protection", 2, "recruiting", 2);
        people.add(person("100000", "eng.head", "head-of-engineering", DEPARTMENT, "ceo", lead));
        int managers = Math.max(1, (size - 1 + REPORTS_PER_MANAGER) / (REPORTS_PER_MANAGER + 1));
        for (int m = 1; m <= managers && people.size() - 3 < size; m++) {
            people.add(person(
                    String.valueOf(100000 + m), "manager." + m, "engineering-manager", DEPARTMENT, "eng.head", lead));
        }
        for (int i = 0; people.size() - 3 < size; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>(
                    Map.of("java", 3, "sql", 3, "secure-coding", 3, "observability", 2, "python", 2));
            skills.put(i % 2 == 0 ? "python" : "sql", 1);
            people.add(person(
                    String.valueOf(200000 + i),
                    "engineer." + i,
                    "software-engineer",
                    DEPARTMENT,
                    "manager." + (1 + i % managers),
                    skills));
        }
        return people;
    }

    private static OrgData.Person person(
            String id,
            String username,
            String jobTitle,
            String department,
            String manager,
            Map<String, Integer> skills) {
        String[] name = username.split("\\.");
        return new OrgData.Person(
                id,
                username,
                capitalise(name[0]),
                name.length > 1 ? capitalise(name[1]) : "X",
                jobTitle,
                department,
                manager,
                60.0 + Math.floorMod(username.hashCode(), 30),
                skills);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The sample catalogue with unlimited seats and budgets nobody can exhaust. */
    private static JsonNode catalogue() {
        ObjectNode catalogue = (ObjectNode) sample("catalogue.json");
        for (JsonNode course : catalogue.get("courses")) {
            for (JsonNode session : course.get("sessions")) {
                ((ObjectNode) session).put("seats", 10_000_000).put("booked", 0);
            }
        }
        ArrayNode budgets = (ArrayNode) catalogue.get("budgets");
        for (JsonNode budget : budgets) {
            ((ObjectNode) budget).put("allocated", 1.0e9).put("spent", 0);
        }
        return catalogue;
    }

    private static JsonNode sample(String name) {
        try (InputStream in = SampleOrganisation.class
                .getClassLoader()
                .getResourceAsStream(SampleOrganisation.CLASSPATH_DIR + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
