package io.trainflow.workflows.engine.flowable;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The Zeebe extension elements Flowable's XML reader does not keep, read in one StAX pass. */
record DroppedExtensions(
        Map<String, String> correlationKeys,
        Map<String, Map<String, String>> loops,
        Map<String, Map<String, String>> scripts,
        Map<String, String> links) {

    private static final Set<String> WRAPPERS = Set.of("extensionElements", "multiInstanceLoopCharacteristics");

    static DroppedExtensions scan(byte[] xml) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Map<String, String>> loops = new HashMap<>();
        // Flowable's script task reader takes zeebe:script for its own bpmn:script
        Map<String, Map<String, String>> scripts = new HashMap<>();
        // Flowable has no link events: it reads them as events without a definition
        Map<String, String> links = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<String[]> open = new ArrayDeque<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    boolean zeebe = Zeebe.NAMESPACE.equals(reader.getNamespaceURI());
                    if (zeebe && "subscription".equals(name)) {
                        String message = enclosing(open, "message");
                        String key = reader.getAttributeValue(null, "correlationKey");
                        if (message != null && key != null) {
                            keys.put(message, key);
                        }
                    } else if (!zeebe && "linkEventDefinition".equals(name) && !open.isEmpty()) {
                        String linkName = reader.getAttributeValue(null, "name");
                        links.put(open.peek()[1], linkName == null ? "" : linkName);
                    } else if (zeebe && ("loopCharacteristics".equals(name) || "script".equals(name))) {
                        String activity = enclosingActivity(open);
                        if (activity != null) {
                            ("script".equals(name) ? scripts : loops).put(activity, attributes(reader));
                        }
                    }
                    open.push(new String[] {zeebe ? "zeebe:" + name : name, reader.getAttributeValue(null, "id")});
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                }
            }
        } catch (XMLStreamException e) {
            // malformed XML is reported by the BPMN converter with its own message
        }
        return new DroppedExtensions(keys, loops, scripts, links);
    }

    private static String enclosing(Deque<String[]> open, String localName) {
        for (String[] element : open) {
            if (localName.equals(element[0])) {
                return element[1];
            }
        }
        return null;
    }

    private static String enclosingActivity(Deque<String[]> open) {
        for (String[] element : open) {
            if (!WRAPPERS.contains(element[0])) {
                return element[1];
            }
        }
        return null;
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return attributes;
    }
}
