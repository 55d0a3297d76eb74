package io.trainflow.workflows.engine.flowable;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.Message;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;

/**
 * Turns the bytes of a Zeebe-dialect {@code .bpmn} file into Flowable's model, unchanged
 * except for what Flowable's own reader drops: the {@code zeebe:subscription} of each
 * {@code bpmn:message} (its correlation key) is put back on the model's message.
 */
public final class ZeebeModelReader {

    static {
        BpmnXMLConverter.addConverter(new ZeebeServiceTaskXMLConverter());
    }

    private ZeebeModelReader() {
    }

    /** Registers the Zeebe converters; idempotent. */
    public static void install() {
        // the static initialiser does the work once per class loader
    }

    public static BpmnModel read(byte[] xml) {
        BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(xml), false, false, "UTF-8");
        correlationKeys(xml).forEach((messageId, key) -> {
            Message message = model.getMessage(messageId);
            if (message != null && Zeebe.child(message, "subscription").isEmpty()) {
                message.addExtensionElement(subscription(key));
            }
        });
        return model;
    }

    private static ExtensionElement subscription(String correlationKey) {
        ExtensionElement subscription = new ExtensionElement();
        subscription.setName("subscription");
        subscription.setNamespace(Zeebe.NAMESPACE);
        subscription.setNamespacePrefix("zeebe");
        ExtensionAttribute attribute = new ExtensionAttribute("correlationKey");
        attribute.setValue(correlationKey);
        subscription.addAttribute(attribute);
        return subscription;
    }

    /** message id → correlationKey, read straight from the XML. */
    static Map<String, String> correlationKeys(byte[] xml) {
        Map<String, String> keys = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            String currentMessage = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if ("message".equals(name) && !Zeebe.NAMESPACE.equals(reader.getNamespaceURI())) {
                        currentMessage = reader.getAttributeValue(null, "id");
                    } else if ("subscription".equals(name) && Zeebe.NAMESPACE.equals(reader.getNamespaceURI())
                            && currentMessage != null) {
                        String key = reader.getAttributeValue(null, "correlationKey");
                        if (key != null) {
                            keys.put(currentMessage, key);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "message".equals(reader.getLocalName())
                        && !Zeebe.NAMESPACE.equals(reader.getNamespaceURI())) {
                    currentMessage = null;
                }
            }
        } catch (XMLStreamException e) {
            // the BPMN converter reports malformed XML with its own message
        }
        return keys;
    }
}
