package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.privacy.OutboundData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data and answer rules of needs analysis and session matching: the model may only re-order (and explain)
 * what the deterministic rule gave it. A skill or session it was not given, a duplicate or an omission
 * throws {@link ModelCallException}: the step keeps the rule's result, with that reason.
 */
final class StepRequests {

    private StepRequests() {}

    static ObjectNode needs(OutboundData out, String roleName, List<SkillNeed> gaps) {
        ObjectNode data = OpenAiWire.JSON.createObjectNode();
        out.text(data, "role", "role.name", roleName);
        ArrayNode list = data.putArray("gaps");
        for (SkillNeed g : gaps) {
            ObjectNode n = list.addObject();
            n.put("skillId", g.skillId());
            out.text(n, "skillName", "skill.name", g.skillName());
            out.text(n, "skillDescription", "skill.description", g.description());
            if (out.maySend("skill.levels")) {
                n.put("currentLevel", g.currentLevel());
                n.put("requiredLevel", g.requiredLevel());
            }
        }
        return data;
    }

    static NeedsAnalysis needsAnalysis(
            JsonNode answer, List<SkillNeed> requirements, List<SkillNeed> gaps, OutboundData out) {
        Map<String, SkillNeed> bySkill = new LinkedHashMap<>();
        gaps.forEach(g -> bySkill.put(g.skillId(), g));
        Set<String> required = new LinkedHashSet<>();
        requirements.forEach(r -> required.add(r.skillId()));
        List<String> order = ids(answer.get("order"));
        List<SkillNeed> ordered = new ArrayList<>();
        for (String id : order) {
            if (!required.contains(id)) {
                throw new ModelCallException("skill " + id + " is not in the role's requirements");
            }
            if (!bySkill.containsKey(id)) {
                throw new ModelCallException("skill " + id + " is not below the required level");
            }
            ordered.add(bySkill.get(id));
        }
        missing(bySkill.keySet(), order, "gap");
        return new NeedsAnalysis(
                ordered, out.restore(answer.get("explanation").asString().strip()));
    }

    static ObjectNode sessions(OutboundData out, String courseId, String courseTitle, List<SessionOption> sessions) {
        ObjectNode data = OpenAiWire.JSON.createObjectNode();
        ObjectNode c = data.putObject("course");
        c.put("id", courseId);
        out.text(c, "title", "course.title", courseTitle);
        ArrayNode list = data.putArray("sessions");
        for (SessionOption s : sessions) {
            ObjectNode n = list.addObject();
            n.put("sessionId", s.sessionId());
            if (out.maySend("session.dates")) {
                n.put("start", s.start().toString());
                n.put("end", s.end().toString());
            }
            out.identifier(n, "trainer", "session.trainer", "PERSON", s.trainer());
            n.put("seatsLeft", s.seatsLeft());
        }
        return data;
    }

    static SessionMatch sessionMatch(JsonNode answer, List<SessionOption> eligible, OutboundData out) {
        Set<String> given = new LinkedHashSet<>();
        eligible.forEach(s -> given.add(s.sessionId()));
        List<String> ranking = ids(answer.get("ranking"));
        for (String id : ranking) {
            if (!given.contains(id)) {
                throw new ModelCallException("session " + id + " is not among the sessions given");
            }
        }
        missing(given, ranking, "session");
        return new SessionMatch(
                ranking, out.restore(answer.get("reason").asString().strip()));
    }

    /** The ids of an answer array, refusing duplicates. */
    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : array) {
            String id = n.asString();
            if (ids.contains(id)) {
                throw new ModelCallException(id + " is listed twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static void missing(Set<String> expected, List<String> answered, String what) {
        for (String id : expected) {
            if (!answered.contains(id)) {
                throw new ModelCallException(what + " " + id + " is missing from the answer");
            }
        }
    }
}
