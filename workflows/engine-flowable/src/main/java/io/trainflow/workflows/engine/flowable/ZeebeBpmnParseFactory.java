package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.lint.BpmnLinter;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.BpmnParser;
import org.flowable.engine.impl.cfg.BpmnParseFactory;

/** Makes Flowable parse every deployment with {@link ZeebeBpmnParse}. */
class ZeebeBpmnParseFactory implements BpmnParseFactory {

    private final BpmnLinter linter;

    ZeebeBpmnParseFactory(BpmnLinter linter) {
        this.linter = linter;
    }

    @Override
    public BpmnParse createBpmnParse(BpmnParser bpmnParser) {
        return new ZeebeBpmnParse(bpmnParser, linter);
    }
}
