package io.trainflow.connectors.ai.privacy;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the data part of one external request field by field, applying the classification: a field
 * that may never leave is left out (and listed in {@link #withheld()}), everything else goes through
 * the pseudonymiser, public fields included, as a safety net against a name inside a course summary.
 */
public final class OutboundData {

    private final DataClassification classification;
    private final Pseudonymiser pseudonymiser;
    private final Pseudonymiser.Session session = new Pseudonymiser.Session();
    private final List<String> withheld = new ArrayList<>();

    public OutboundData(DataClassification classification, Pseudonymiser pseudonymiser) {
        this.classification = classification;
        this.pseudonymiser = pseudonymiser;
    }

    public boolean maySend(String field) {
        return classification.maySend(field);
    }

    /** Free text (a summary, a justification, a comment); returns what was sent, or null if withheld. */
    public String text(ObjectNode node, String property, String field, String value) {
        if (value == null) {
            return null;
        }
        if (!classification.maySend(field)) {
            withheld.add(field);
            return null;
        }
        String masked = pseudonymiser.mask(value, session);
        node.put(property, masked);
        return masked;
    }

    /** A value that is an identifier as a whole (a name, an email, an employee number). */
    public void identifier(ObjectNode node, String property, String field, String kind, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!classification.maySend(field)) {
            withheld.add(field);
            return;
        }
        node.put(property, pseudonymiser.maskIdentifier(kind, value, session));
    }

    /** Free text for a list element, pseudonymised; the caller has checked {@link #maySend}. */
    public String mask(String value) {
        return pseudonymiser.mask(value, session);
    }

    public String restore(String answerText) {
        return pseudonymiser.restore(answerText, session);
    }

    public List<String> withheld() {
        return List.copyOf(withheld);
    }
}
