package io.trainflow.workflows.lint;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.dmn.DmnEngine;

/** A DMN file parses with the DMN engine the runtime uses, and which decision ids it holds. */
final class DmnCheck {

    private static final DmnEngine DMN = new DmnEngine.Builder().build();

    private DmnCheck() {}

    static List<LintProblem> check(String file, byte[] xml, Collection<String> decisionsOut) {
        List<LintProblem> problems = new ArrayList<>();
        // the ids count even when the table is broken: the one problem to report is the table's
        decisionsOut.addAll(decisionIds(xml));
        var parsed = DMN.parse(new ByteArrayInputStream(xml));
        if (parsed.isLeft()) {
            problems.add(new LintProblem(
                    file, null, "DMN does not parse: " + parsed.left().get().message()));
        }
        return problems;
    }

    static Set<String> decisionIds(byte[] xml) {
        Set<String> ids = new HashSet<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "decision".equals(reader.getLocalName())) {
                    String id = reader.getAttributeValue(null, "id");
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        } catch (XMLStreamException e) {
            // parse errors are reported by check()
        }
        return ids;
    }
}
