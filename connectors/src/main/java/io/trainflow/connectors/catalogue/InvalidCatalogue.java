package io.trainflow.connectors.catalogue;

/** A catalogue value or import line that cannot be taken, naming where ({@code field}) and why. */
public final class InvalidCatalogue extends RuntimeException {

    private final String field;

    public InvalidCatalogue(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
