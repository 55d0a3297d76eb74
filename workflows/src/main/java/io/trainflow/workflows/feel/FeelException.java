package io.trainflow.workflows.feel;

/** A FEEL expression that does not parse or fails to evaluate, with the expression named. */
public class FeelException extends RuntimeException {

    private final String expression;

    public FeelException(String expression, String reason) {
        super("FEEL expression '" + expression + "' failed: " + reason);
        this.expression = expression;
    }

    public String expression() {
        return expression;
    }
}
