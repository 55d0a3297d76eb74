package io.trainflow.plugin.lti;

/** A launch, login or registration Trainflow refuses: what is wrong, in words a Moodle user or admin can act on. */
public class LaunchRefused extends RuntimeException {

    private final int status;

    public LaunchRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public LaunchRefused(String message) {
        this(400, message);
    }

    public int status() {
        return status;
    }
}
