package io.trainflow.connectors.ai.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Drafted, reviewed by a person, exported, and read back the way Moodle reads it. */
class QuizExportTest {

    private static final Instant REVIEWED = Instant.parse("2025-03-02T10:00:00Z");
    private final CourseCandidate secureCoding = Sample.catalogue().stream()
            .filter(c -> c.courseId().equals("105"))
            .findFirst()
            .orElseThrow();

    /** Every GIFT special character, a backslash, a line break, and first characters Moodle would misread. */
    static final QuizQuestion NASTY = QuizQuestion.multipleChoice(
            "q-special::1",
            "In GIFT, what do ~ = # { } : mean?\nAnd C:\\temp\\new?",
            "[html] is a format {marker}",
            List.of("%50% is a weight", "a ~tilde~ = wrong # answer", "key: value \\: escaped"),
            "See the GIFT page: #symbols.");

    @Test
    void offlineDraftIsDeterministicAndBuiltFromTheCoursesOwnText() {
        QuizDraft draft = TestEngines.offline()
                .draftQuiz(secureCoding, Sample.catalogue(), 6)
                .value();
        assertThat(draft.questions()).hasSize(6);
        assertThat(draft.questions().get(0).stem())
                .contains("The OWASP top ten risks, threat modelling and writing secure code");
        assertThat(draft.questions().get(0).choices())
                .filteredOn(QuizQuestion.Choice::correct)
                .extracting(QuizQuestion.Choice::text)
                .containsExactly("Secure Coding Essentials");
        assertThat(draft.questions())
                .filteredOn(q -> q.type() == QuizQuestion.Type.TRUE_FALSE && q.answer())
                .extracting(QuizQuestion::stem)
                .contains(
                        "\"Secure Coding Essentials\" covers threat modelling.",
                        "\"Secure Coding Essentials\" covers the OWASP top ten risks.");
        assertThat(TestEngines.offline()
                        .draftQuiz(secureCoding, Sample.catalogue(), 6)
                        .value())
                .isEqualTo(draft);
    }

    @Test
    void nothingIsExportedWithoutADecisionOnEveryQuestion() {
        QuizDraft draft = TestEngines.offline()
                .draftQuiz(secureCoding, Sample.catalogue(), 3)
                .value();
        assertThatThrownBy(
                        () -> ApprovedQuiz.review(draft, "hugo.roux", REVIEWED, List.of(ReviewDecision.approve("q1"))))
                .hasMessageContaining("undecided [q2, q3]");
        assertThatThrownBy(() -> ApprovedQuiz.review(draft, " ", REVIEWED, List.of()))
                .hasMessageContaining("reviewer");
    }

    @Test
    void giftExportReadsBackAsMoodleReadsIt() {
        ApprovedQuiz quiz = reviewed();
        String gift = new GiftExporter().export(quiz);
        List<MoodleGiftReader.Read> read = MoodleGiftReader.read(gift);

        assertThat(read).hasSize(quiz.questions().size());
        for (int i = 0; i < read.size(); i++) {
            QuizQuestion q = quiz.questions().get(i);
            MoodleGiftReader.Read r = read.get(i);
            assertThat(r.name()).isEqualTo(q.id());
            assertThat(r.text()).isEqualTo(q.stem());
            assertThat(r.format()).isEqualTo("plain");
            assertThat(r.generalFeedback()).isEqualTo(q.feedback());
            if (q.type() == QuizQuestion.Type.TRUE_FALSE) {
                assertThat(r.type()).isEqualTo("truefalse");
                assertThat(r.answer()).isEqualTo(q.answer());
            } else {
                assertThat(r.type()).isEqualTo("multichoice");
                assertThat(r.right()).containsExactlyElementsOf(texts(q, true));
                assertThat(r.wrong()).containsExactlyElementsOf(texts(q, false));
            }
        }
        assertThat(gift)
                .contains("In GIFT, what do \\~ \\= \\# \\{ \\} \\: mean?\\nAnd C\\:\\\\temp\\\\new?")
                .contains("=[plain][html] is a format \\{marker\\}", "~[plain]%50% is a weight");
        assertThat(gift).doesNotContain("::q3::"); // the rejected question
    }

    @Test
    void moodleXmlExportReadsBack() throws Exception {
        ApprovedQuiz quiz = reviewed();
        String xml = new MoodleXmlExporter().export(quiz);
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("quiz");
        NodeList questions = doc.getElementsByTagName("question");
        assertThat(questions.getLength()).isEqualTo(quiz.questions().size());
        for (int i = 0; i < questions.getLength(); i++) {
            Element e = (Element) questions.item(i);
            QuizQuestion q = quiz.questions().get(i);
            assertThat(text(e, "name")).isEqualTo(q.id());
            assertThat(text(e, "questiontext")).isEqualTo(q.stem());
            assertThat(((Element) e.getElementsByTagName("questiontext").item(0)).getAttribute("format"))
                    .isEqualTo("plain_text");
            NodeList answers = e.getElementsByTagName("answer");
            List<String> right = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (int a = 0; a < answers.getLength(); a++) {
                Element answer = (Element) answers.item(a);
                String t = answer.getElementsByTagName("text").item(0).getTextContent();
                (answer.getAttribute("fraction").equals("100") ? right : wrong).add(t);
            }
            if (q.type() == QuizQuestion.Type.TRUE_FALSE) {
                assertThat(e.getAttribute("type")).isEqualTo("truefalse");
                assertThat(right).containsExactly(q.answer() ? "true" : "false");
            } else {
                assertThat(e.getAttribute("type")).isEqualTo("multichoice");
                assertThat(text(e, "single")).isEqualTo("true");
                assertThat(right).containsExactlyElementsOf(texts(q, true));
                assertThat(wrong).containsExactlyElementsOf(texts(q, false));
            }
        }
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDropped() {
        assertThat(MoodleXmlExporter.xmlSafe("bell\u0007 tab\t emoji \uD83D\uDE00"))
                .isEqualTo("bell tab\t emoji \uD83D\uDE00");
    }

    /** The expert approves q1 and q2, rejects q3, edits q4 into the question full of special characters. */
    private ApprovedQuiz reviewed() {
        QuizDraft draft = TestEngines.offline()
                .draftQuiz(secureCoding, Sample.catalogue(), 5)
                .value();
        List<ReviewDecision> decisions = new ArrayList<>(List.of(
                ReviewDecision.approve("q1"),
                ReviewDecision.approve("q2"),
                ReviewDecision.reject("q3"),
                ReviewDecision.edit("q4", NASTY)));
        draft.questions().stream().skip(4).forEach(q -> decisions.add(ReviewDecision.approve(q.id())));
        ApprovedQuiz quiz = ApprovedQuiz.review(draft, "hugo.roux", REVIEWED, decisions);
        assertThat(quiz.questions()).extracting(QuizQuestion::id).containsExactly("q1", "q2", "q-special::1", "q5");
        return quiz;
    }

    private static List<String> texts(QuizQuestion q, boolean correct) {
        return q.choices().stream()
                .filter(c -> c.correct() == correct)
                .map(QuizQuestion.Choice::text)
                .toList();
    }

    private static String text(Element question, String child) {
        Element e = (Element) question.getElementsByTagName(child).item(0);
        NodeList text = e.getElementsByTagName("text");
        return text.getLength() > 0 ? text.item(0).getTextContent() : e.getTextContent();
    }
}
