package io.trainflow.workflows.engine.flowable;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.common.engine.api.FlowableException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code <zeebe:versionTag value>} of each decision of a DMN file (the DMN engine does not read extensions). */
final class DecisionVersionTags {

    private DecisionVersionTags() {}

    static Map<String, String> read(byte[] dmn) {
        Map<String, String> tags = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList decisions = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(dmn))
                    .getElementsByTagNameNS("*", "decision");
            for (int i = 0; i < decisions.getLength(); i++) {
                Element decision = (Element) decisions.item(i);
                NodeList tag = decision.getElementsByTagNameNS(Zeebe.NAMESPACE, "versionTag");
                if (tag.getLength() > 0
                        && !((Element) tag.item(0)).getAttribute("value").isBlank()) {
                    tags.put(
                            decision.getAttribute("id"),
                            ((Element) tag.item(0)).getAttribute("value").strip());
                }
            }
        } catch (Exception e) {
            throw new FlowableException("Cannot read the version tags of a DMN file: " + e.getMessage(), e);
        }
        return tags;
    }
}
