package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintException;
import io.trainflow.workflows.lint.LintProblem;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.repository.EngineResource;
import org.flowable.common.engine.impl.event.FlowableEventSupport;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.BpmnParser;

/**
 * Flowable's BPMN parse, reading the Zeebe dialect and running {@code trainflow lint} on
 * every new deployment before anything is stored: a file that lint rejects (a .bpmn, or a .dmn
 * deployed with it) fails the whole deployment, with file, element id and reason.
 */
class ZeebeBpmnParse extends BpmnParse {

    private final BpmnLinter linter;

    ZeebeBpmnParse(BpmnParser parser, BpmnLinter linter) {
        super(parser);
        this.linter = linter;
    }

    @Override
    public BpmnParse execute() {
        EngineResource resource =
                deployment == null ? null : deployment.getResources().get(name);
        if (resource == null) {
            return super.execute();
        }
        try {
            bpmnModel = ZeebeModelReader.read(resource.getBytes());
        } catch (XMLException | FlowableException e) {
            throw new LintException(List.of(BpmnLinter.unreadable(name, e)));
        }
        if (validateProcess) {
            // the deployment's .dmn files are checked with each .bpmn file: a broken table deploys nothing either
            List<LintProblem> problems = new ArrayList<>(BpmnLinter.lintDecisions(deployment));
            problems.addAll(linter.lint(name, bpmnModel, BpmnLinter.Context.of(deployment)));
            List<LintProblem> refusing =
                    problems.stream().filter(LintProblem::refuses).toList();
            if (!refusing.isEmpty()) {
                throw new LintException(refusing);
            }
        }
        bpmnModel.setSourceSystemId(sourceSystemId);
        bpmnModel.setEventSupport(new FlowableEventSupport());
        applyParseHandlers();
        processDI();
        return this;
    }
}
