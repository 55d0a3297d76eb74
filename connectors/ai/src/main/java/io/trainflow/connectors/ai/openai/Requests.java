package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.offline.Sentences;
import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.privacy.OutboundData;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import io.trainflow.connectors.ai.quiz.QuizQuestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data each task sends (built through {@link OutboundData}, so classification and pseudonyms apply)
 * and the rules each answer must keep beyond its schema. A broken rule throws
 * {@link ModelCallException}: the step falls back offline with that reason.
 */
final class Requests {

    private Requests() {}

    static ObjectNode explainPath(OutboundData out, Learner learner, List<PathItem> items) {
        ObjectNode data = OpenAiWire.JSON.createObjectNode();
        if (learner != null) {
            ObjectNode l = data.putObject("learner");
            out.identifier(l, "name", "learner.name", "PERSON", learner.displayName());
            out.identifier(l, "username", "learner.username", "USER", learner.username());
            out.identifier(l, "email", "learner.email", "EMAIL", learner.email());
            out.identifier(l, "employeeId", "learner.employeeId", "EMPNO", learner.employeeId());
            out.identifier(l, "manager", "learner.manager", "PERSON", learner.managerName());
            out.text(l, "untrustedJustification", "learner.justification", learner.justification());
        }
        ArrayNode list = data.putArray("items");
        for (PathItem item : items) {
            ObjectNode i = list.addObject();
            i.put("courseId", item.course().courseId());
            out.text(i, "courseTitle", "course.title", item.course().title());
            out.text(i, "courseSummary", "course.summary", item.course().summary());
            out.text(
                    i,
                    "courseTags",
                    "course.tags",
                    String.join(", ", item.course().tags()));
            i.put("skillId", item.need().skillId());
            out.text(i, "skillName", "skill.name", item.need().skillName());
            out.text(i, "skillDescription", "skill.description", item.need().description());
            if (out.maySend("skill.levels")) {
                i.put("currentLevel", item.need().currentLevel());
                i.put("requiredLevel", item.need().requiredLevel());
            }
            i.put("similarity", item.similarity());
        }
        return data;
    }

    static List<PathReason> pathReasons(JsonNode answer, List<PathItem> items, OutboundData out) {
        Map<String, PathItem> byPair = new HashMap<>();
        TreeSet<String> courseIds = new TreeSet<>();
        TreeSet<String> skillIds = new TreeSet<>();
        items.forEach(i -> {
            byPair.put(i.course().courseId() + "\u0000" + i.need().skillId(), i);
            courseIds.add(i.course().courseId());
            skillIds.add(i.need().skillId());
        });
        Map<PathItem, String> explained = new HashMap<>();
        for (JsonNode r : answer.get("reasons")) {
            String courseId = r.get("courseId").asString();
            String skillId = r.get("skillId").asString();
            if (!courseIds.contains(courseId)) {
                throw new ModelCallException("course id " + courseId + " is not in the catalogue given");
            }
            if (!skillIds.contains(skillId)) {
                throw new ModelCallException("skill " + skillId + " is not in the gap list");
            }
            PathItem item = byPair.get(courseId + "\u0000" + skillId);
            if (item == null) {
                throw new ModelCallException("course " + courseId + " was not chosen for skill " + skillId);
            }
            if (explained.put(item, out.restore(r.get("explanation").asString().strip())) != null) {
                throw new ModelCallException("course " + courseId + " explained twice");
            }
        }
        List<PathReason> reasons = new ArrayList<>();
        for (PathItem i : items) {
            String text = explained.get(i);
            if (text == null) {
                throw new ModelCallException(
                        "no reason for course " + i.course().courseId());
            }
            // the similarity is ours, never the model's: the manager sees the number the ranking used
            reasons.add(new PathReason(i.course().courseId(), i.need().skillId(), i.similarity(), text));
        }
        return reasons;
    }

    static List<String> sentences(List<String> comments) {
        return Sentences.of(comments);
    }

    static ObjectNode summary(OutboundData out, List<String> sentences, int maxSentences) {
        ObjectNode data = OpenAiWire.JSON.createObjectNode();
        data.put("maxSentences", maxSentences);
        ArrayNode list = data.putArray("sentences");
        for (int i = 0; i < sentences.size(); i++) {
            list.addObject().put("index", i).put("untrustedText", out.mask(sentences.get(i)));
        }
        return data;
    }

    static FeedbackSummary feedbackSummary(
            JsonNode answer, List<String> sentences, int max, OutboundData out, String engine) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (JsonNode i : answer.get("sentenceIndexes")) {
            if (i.asInt() >= sentences.size()) {
                throw new ModelCallException("sentence index " + i.asInt() + " does not exist");
            }
            indexes.add(i.asInt());
        }
        if (indexes.size() > max) {
            throw new ModelCallException(
                    "summary rests on " + indexes.size() + " sentences, at most " + max + " asked");
        }
        // the quoted sentences are the employees' own, verbatim; only the summary line is the model's
        List<String> quoted = indexes.stream().map(sentences::get).toList();
        return new FeedbackSummary(out.restore(answer.get("summary").asString().strip()), engine, quoted);
    }

    static ObjectNode quiz(OutboundData out, CourseCandidate course, int maxQuestions) {
        ObjectNode data = OpenAiWire.JSON.createObjectNode();
        data.put("maxQuestions", maxQuestions);
        ObjectNode c = data.putObject("course");
        c.put("id", course.courseId());
        out.text(c, "title", "course.title", course.title());
        out.text(c, "summary", "course.summary", course.summary());
        out.text(c, "tags", "course.tags", String.join(", ", course.tags()));
        return data;
    }

    static QuizDraft quizDraft(JsonNode answer, CourseCandidate course, int maxQuestions, OutboundData out) {
        List<QuizQuestion> questions = new ArrayList<>();
        for (JsonNode q : answer.get("questions")) {
            if (questions.size() == maxQuestions) {
                break; // more than asked is not wrong, just more: keep the first ones
            }
            String id = "q" + (questions.size() + 1);
            String stem = out.restore(q.get("stem").asString());
            String feedback = out.restore(q.get("feedback").asString());
            if ("true_false".equals(q.get("type").asString())) {
                if (q.get("answer").isNull()) {
                    throw new ModelCallException("true/false question " + id + " has no answer");
                }
                questions.add(new QuizQuestion(
                        id,
                        QuizQuestion.Type.TRUE_FALSE,
                        stem,
                        List.of(),
                        q.get("answer").asBoolean(),
                        feedback));
            } else {
                List<QuizQuestion.Choice> choices = new ArrayList<>();
                q.get("choices")
                        .forEach(ch -> choices.add(new QuizQuestion.Choice(
                                out.restore(ch.get("text").asString()),
                                ch.get("correct").asBoolean())));
                questions.add(new QuizQuestion(id, QuizQuestion.Type.MULTIPLE_CHOICE, stem, choices, null, feedback));
            }
        }
        return new QuizDraft(course.courseId(), course.title(), questions);
    }
}
