package io.trainflow.connectors.ai.quiz;

import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Moodle XML (question bank, Import, format "Moodle XML"), built with the JDK's DOM so every text is
 * escaped by the XML writer rather than by hand. Texts are declared {@code plain_text}: Moodle shows
 * them as typed and never renders AI-drafted text as HTML.
 */
public final class MoodleXmlExporter {

    public String export(ApprovedQuiz quiz) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("quiz");
            doc.appendChild(root);
            root.appendChild(doc.createComment(xmlSafe(" Trainflow quiz for course " + quiz.courseId()
                            + ", approved by " + quiz.reviewer() + " at " + quiz.reviewedAt() + " ")
                    .replace("--", "- -")));
            for (QuizQuestion q : quiz.questions()) {
                root.appendChild(question(doc, q));
            }
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write Moodle XML: " + e.getMessage(), e);
        }
    }

    private Element question(Document doc, QuizQuestion q) {
        boolean tf = q.type() == QuizQuestion.Type.TRUE_FALSE;
        Element question = doc.createElement("question");
        question.setAttribute("type", tf ? "truefalse" : "multichoice");
        question.appendChild(wrapped(doc, "name", null, q.id()));
        question.appendChild(wrapped(doc, "questiontext", "plain_text", q.stem()));
        question.appendChild(wrapped(doc, "generalfeedback", "plain_text", q.feedback()));
        question.appendChild(simple(doc, "defaultgrade", "1"));
        question.appendChild(simple(doc, "penalty", tf ? "1" : "0.3333333"));
        question.appendChild(simple(doc, "hidden", "0"));
        if (tf) {
            question.appendChild(answer(doc, q.answer() ? 100 : 0, "true", "moodle_auto_format"));
            question.appendChild(answer(doc, q.answer() ? 0 : 100, "false", "moodle_auto_format"));
            return question;
        }
        question.appendChild(simple(doc, "single", "true"));
        question.appendChild(simple(doc, "shuffleanswers", "true"));
        question.appendChild(simple(doc, "answernumbering", "abc"));
        for (QuizQuestion.Choice c : q.choices()) {
            question.appendChild(answer(doc, c.correct() ? 100 : 0, c.text(), "plain_text"));
        }
        return question;
    }

    private Element answer(Document doc, int fraction, String text, String format) {
        Element answer = doc.createElement("answer");
        answer.setAttribute("fraction", Integer.toString(fraction));
        answer.setAttribute("format", format);
        answer.appendChild(simple(doc, "text", text));
        answer.appendChild(wrapped(doc, "feedback", "plain_text", ""));
        return answer;
    }

    private Element wrapped(Document doc, String name, String format, String text) {
        Element e = doc.createElement(name);
        if (format != null) {
            e.setAttribute("format", format);
        }
        e.appendChild(simple(doc, "text", text));
        return e;
    }

    private Element simple(Document doc, String name, String text) {
        Element e = doc.createElement(name);
        e.setTextContent(xmlSafe(text));
        return e;
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters): the DOM writer would emit them. */
    static String xmlSafe(String text) {
        return text == null
                ? ""
                : text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }
}
