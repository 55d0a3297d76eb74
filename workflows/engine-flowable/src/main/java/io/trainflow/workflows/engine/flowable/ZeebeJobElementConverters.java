package io.trainflow.workflows.engine.flowable;

import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.BusinessRuleTaskXMLConverter;
import org.flowable.bpmn.converter.EndEventXMLConverter;
import org.flowable.bpmn.converter.ScriptTaskXMLConverter;
import org.flowable.bpmn.converter.SendTaskXMLConverter;
import org.flowable.bpmn.converter.ThrowEventXMLConverter;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.MessageEventDefinition;

/**
 * The elements Camunda 8 runs as a job for a worker when they carry a {@code zeebe:taskDefinition}:
 * send tasks, script and business rule tasks implemented by a job worker, intermediate message throw
 * events and message end events. Each is read as the same job-worker task as a service task (the
 * job's handler does the sending); the end event's task simply has no way out, so its scope ends.
 */
final class ZeebeJobElementConverters {

    private ZeebeJobElementConverters() {}

    static void install() {
        org.flowable.bpmn.converter.BpmnXMLConverter.addConverter(new Send());
        org.flowable.bpmn.converter.BpmnXMLConverter.addConverter(new Script());
        org.flowable.bpmn.converter.BpmnXMLConverter.addConverter(new BusinessRule());
        org.flowable.bpmn.converter.BpmnXMLConverter.addConverter(new MessageThrow());
        org.flowable.bpmn.converter.BpmnXMLConverter.addConverter(new MessageEnd());
    }

    private static BaseElement jobWorkerOr(BaseElement element) {
        return element instanceof FlowNode node
                ? ZeebeServiceTaskXMLConverter.jobWorker(node)
                        .<BaseElement>map(w -> w)
                        .orElse(element)
                : element;
    }

    /** Only a message event with a task definition is a job; other events keep their own behaviour. */
    private static BaseElement messageJobOr(BaseElement element) {
        boolean message = element instanceof Event event
                && event.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance);
        return message ? jobWorkerOr(element) : element;
    }

    static final class Send extends SendTaskXMLConverter {
        @Override
        protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
            return jobWorkerOr(super.convertXMLToElement(xtr, model));
        }
    }

    static final class Script extends ScriptTaskXMLConverter {
        @Override
        protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
            return jobWorkerOr(super.convertXMLToElement(xtr, model));
        }
    }

    static final class BusinessRule extends BusinessRuleTaskXMLConverter {
        @Override
        protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
            return jobWorkerOr(super.convertXMLToElement(xtr, model));
        }
    }

    static final class MessageThrow extends ThrowEventXMLConverter {
        @Override
        protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
            return messageJobOr(super.convertXMLToElement(xtr, model));
        }
    }

    static final class MessageEnd extends EndEventXMLConverter {
        @Override
        protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
            return messageJobOr(super.convertXMLToElement(xtr, model));
        }
    }
}
