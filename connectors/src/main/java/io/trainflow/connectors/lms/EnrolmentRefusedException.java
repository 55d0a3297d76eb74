package io.trainflow.connectors.lms;

/** The LMS refused an enrolment for a reason retrying will not fix (unknown learner or course). */
public class EnrolmentRefusedException extends RuntimeException {

    public EnrolmentRefusedException(String message) {
        super(message);
    }
}
