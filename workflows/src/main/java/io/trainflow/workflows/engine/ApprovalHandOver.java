package io.trainflow.workflows.engine;

import java.util.List;
import java.util.Map;

/**
 * A delegation reaches the approvals already waiting: the approver's open approval tasks move to the deputy, who
 * decides them on the approver's behalf, where separation of duties allows (a deputy who is the learner or the
 * requester, or decided another level, does not get the task: it stays, with the reason); the deputy is told. Giving
 * back moves what the deputy has not decided back to the approver. Each engine adapter implements it on its tasks.
 */
public interface ApprovalHandOver {

    /** What moved, and what stayed with the approver and why (for the approver only: the reasons name people). */
    record Result(List<String> moved, Map<String, String> kept) {}

    Result delegate(String approver, String deputy, String reason);

    /** The task ids given back. */
    List<String> giveBack(String approver, String deputy);
}
