package io.trainflow.tests.parity;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle scenarios, defined once for every target. They run in this order on one installation, each with its
 * own employees (one open request per employee and course), so a later scenario's clock moves never meet an earlier
 * scenario's expectations. Order matters where time does: the sample delegation (days −3 to +11 of the sample's
 * loading) comes before any time travel, and every request starts within the catalogue's sessions (up to day 44), so
 * the scenarios that move the clock come last, the 90 days of follow-ups at the very end.
 */
final class ParityScenarios {

    private ParityScenarios() {}

    static List<Scenario> all() {
        return List.of(
                delegation(),
                noManager(),
                reject(),
                sendBack(),
                overThreshold(),
                overBudget(),
                managerChange(),
                campaign(),
                reminderAndEscalation(),
                missedDeadline(),
                happyPathWithFollowUps());
    }

    /** Isabelle is on leave (the sample's delegation): Thomas decides on her behalf; she sees nothing. */
    static Scenario delegation() {
        return Scenario.named("delegation")
                .request("r", "ella.lefebvre", "1029", "Employment law basics")
                .sees("thomas.rousseau", "approve", "r", "thomas.rousseau")
                .seesNothing("isabelle.fontaine", "r")
                .approve("thomas.rousseau", "r")
                .enrolled("ella.lefebvre", "EMPL-LAW")
                // on behalf of Isabelle: both count as deciders of the manager level, so neither decides another level
                .variable(
                        "r",
                        "decidedBy",
                        "[{level=manager, by=thomas.rousseau}, {level=manager, by=isabelle.fontaine}]")
                .build();
    }

    /** A new hire without a manager: the approval is offered to hr-fallback, and any member decides. */
    static Scenario noManager() {
        return Scenario.named("no manager")
                .request("r", "nina.petit", "1023", "Get up to speed")
                .sees("maxime.muller", "approve", "r", null)
                .sees("isabelle.fontaine", "approve", "r", null)
                .seesNothing("pierre.francois", "r")
                .refused("pierre.francois", "approve", "r", "maxime.muller")
                .approve("maxime.muller", "r")
                .enrolled("nina.petit", "GDPR101", "TRBL-101")
                .seesNothing("isabelle.fontaine", "r")
                .build();
    }

    /** The manager turns the request down: the requester hears it in Moodle, nothing is booked. */
    static Scenario reject() {
        return Scenario.named("reject")
                .request("r", "jules.gauthier", "1019", "Handle harder tickets")
                .decide("ines.legrand", "r", "reject", "Not this quarter")
                .ends("r", "rejected")
                .variable("r", "decision", "reject")
                .told("jules.gauthier", "r", "was rejected")
                .told("jules.gauthier", "r", "Not this quarter")
                .enrolled("jules.gauthier")
                .seesNothing("ines.legrand", "r")
                .build();
    }

    /** Sent back for changes: only the requester revises; the approver decides again on the new justification. */
    static Scenario sendBack() {
        return Scenario.named("send back")
                .request("r", "lina.clement", "1022", "Tickets")
                .decide("pierre.francois", "r", "changes", "Which tickets, and why now?")
                .sees("lina.clement", "revise-request", "r", "lina.clement")
                .seesNothing("pierre.francois", "r")
                .refused("pierre.francois", "revise-request", "r", "lina.clement")
                .complete(
                        "lina.clement",
                        "revise-request",
                        "r",
                        Map.of(
                                "justification",
                                "Resolve the escalated billing tickets myself",
                                "requestedCourseIds",
                                List.of(),
                                "withdraw",
                                false))
                .variable("r", "justification", "Resolve the escalated billing tickets myself")
                .approve("pierre.francois", "r")
                .enrolled("lina.clement", "CUST-COM")
                .build();
    }

    /** A path over 1000 EUR: the manager, then L&D (offered to the team), then the enrolments. */
    static Scenario overThreshold() {
        return Scenario.named("over threshold")
                .request("r", "emma.girard", "1006", "Operate our clusters")
                .variable("r", "pathCost", "2700.0")
                .approve("sophie.laurent", "r")
                .sees("zoe.vincent", "approve", "r", null)
                .sees("thomas.rousseau", "approve", "r", null)
                .enrolled("emma.girard")
                .refused("sophie.laurent", "approve", "r", "zoe.vincent")
                .approve("zoe.vincent", "r")
                .enrolled("emma.girard", "K8S-OPS", "OBS-101", "INC-CMD")
                .build();
    }

    /** Over 1000 and over the department's budget left: the manager, L&D, then the budget owner last, who says no. */
    static Scenario overBudget() {
        return Scenario.named("over budget")
                .request("r", "antoine.guerin", "1013", "Close bigger deals")
                .variable("r", "overBudget", "true")
                .variable("r", "pathCost", "1050")
                .approve("nicolas.faure", "r")
                .sees("thomas.rousseau", "approve", "r", null)
                .seesNothing("julie.lambert", "r")
                .approve("thomas.rousseau", "r")
                .sees("julie.lambert", "approve", "r", "julie.lambert")
                .refused("pierre.francois", "approve", "r", "julie.lambert")
                .enrolled("antoine.guerin")
                .decide("julie.lambert", "r", "reject", "No budget left this year")
                .ends("r", "rejected")
                .told("antoine.guerin", "r", "was rejected")
                .enrolled("antoine.guerin")
                .build();
    }

    /** HR moves the learner to another manager: the open approval follows; the old manager can no longer decide. */
    static Scenario managerChange() {
        return Scenario.named("manager change")
                .request("r", "hugo.roux", "1007", "Deeper monitoring")
                .sees("marc.bernard", "approve", "r", "marc.bernard")
                .changeManager("1007", "sophie.laurent")
                .sees("sophie.laurent", "approve", "r", "sophie.laurent")
                .seesNothing("marc.bernard", "r")
                .approve("sophie.laurent", "r")
                .variable("r", "decidedBy", "[{level=manager, by=sophie.laurent}]")
                .build();
    }

    /** Nobody decides: a reminder after 2 days, and after 5 days the task moves one level up. */
    static Scenario reminderAndEscalation() {
        return Scenario.named("reminder and escalation")
                .request("r", "theo.mercier", "1009", "Cloud architecture")
                .sees("marc.bernard", "approve", "r", "marc.bernard")
                .advance(2)
                .told("marc.bernard", "r", "Reminder")
                .sees("marc.bernard", "approve", "r", "marc.bernard")
                .advance(2)
                .sees("marc.bernard", "approve", "r", "marc.bernard")
                .advance(1)
                .sees("claire.dubois", "approve", "r", "claire.dubois")
                .seesNothing("marc.bernard", "r")
                .refused("marc.bernard", "approve", "r", "claire.dubois")
                .decide("claire.dubois", "r", "reject", "Not before the reorganisation")
                .ends("r", "rejected")
                .build();
    }

    /** Approved, enrolled, trained, then the 30/60/90-day follow-ups, each on its day: the request completes. */
    static Scenario happyPathWithFollowUps() {
        return Scenario.named("happy path and follow-ups")
                .request("r", "alice.martin", "1004", "I want to automate our reports")
                .variable("r", "origin", "employee-request")
                .approve("sophie.laurent", "r")
                .enrolled("alice.martin", "PY-AUTO", "SQL-101")
                .told("alice.martin", null, "You are enrolled in Python for Automation")
                .train("alice.martin", "r")
                .followUps("sophie.laurent", "r")
                .ends("r", "completed")
                .build();
    }

    /** The learner misses the training deadline: the manager closes the request as not completed. */
    static Scenario missedDeadline() {
        return Scenario.named("missed deadline")
                .request("r", "lea.fournier", "1008", "Better Java")
                .approve("sophie.laurent", "r")
                .enrolled("lea.fournier", "JAVA-ADV")
                .pastDeadline("r")
                .sees("sophie.laurent", "handle-missed-deadline", "r", "sophie.laurent")
                .complete("sophie.laurent", "handle-missed-deadline", "r", Map.of("deadlineAction", "close"))
                .ends("r", "not-completed")
                .told("lea.fournier", null, "passed before the training was completed")
                .build();
    }

    /**
     * L&D's needs analysis over sales: one request per employee, each decided by the employee's manager; every
     * request ends (no training, so no 90 days of follow-ups: the happy path has them, the budget owner's step is
     * in "over budget");
     * who launched it does not sign off the report, another L&D member does.
     */
    static Scenario campaign() {
        return Scenario.named("campaign")
                .campaign("p", "zoe.vincent", "sales")
                .ends("p:1010", "no-need")
                .ends("p:1015", "no-need")
                .decide("nicolas.faure", "p:1016", "reject", "Sales is out of budget")
                .decide("julie.lambert", "p:1011", "reject", "Next year")
                .decide("nicolas.faure", "p:1012", "reject", "Next year")
                .decide("nicolas.faure", "p:1013", "reject", "Next year")
                .decide("nicolas.faure", "p:1014", "reject", "Next year")
                .ends("p:1016", "rejected")
                .ends("p:1014", "rejected")
                .sees("thomas.rousseau", "sign-off-report", "p", null)
                .refused("zoe.vincent", "sign-off-report", "p", "thomas.rousseau")
                .complete(
                        "thomas.rousseau",
                        "sign-off-report",
                        "p",
                        Map.of("signedOff", true, "retrospective", "Budget rules kept five requests out this year."))
                .ends("p", null)
                .enrolled("chloe.chevalier")
                .enrolled("manon.boyer")
                .build();
    }
}
