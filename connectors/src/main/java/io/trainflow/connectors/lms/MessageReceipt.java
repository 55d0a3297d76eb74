package io.trainflow.connectors.lms;

/**
 * The LMS's answer to one instant message.
 *
 * @param msgId        message id, -1 when the message was not sent (Moodle reports per-message failure this way)
 * @param errorMessage why it was not sent, null on success
 */
public record MessageReceipt(long msgId, String clientMsgId, String errorMessage) {

    public boolean sent() {
        return msgId != -1;
    }
}
