package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.ServiceTaskXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.ServiceTask;

/**
 * Reads a service task with {@code zeebe:taskDefinition} as a Flowable external-worker task
 * whose topic is the Zeebe job type: the same job model as Zeebe (a job is created, a worker
 * runs it outside any transaction, completes or fails it), so a slow step never holds a
 * database transaction. {@code zeebe:ioMapping} outputs become the task's output parameters.
 * The other elements Camunda 8 implements by a job worker become the same task ({@link ZeebeJobElementConverters}).
 */
public class ZeebeServiceTaskXMLConverter extends ServiceTaskXMLConverter {

    @Override
    protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
        BaseElement element = super.convertXMLToElement(xtr, model);
        if (!(element instanceof ServiceTask task) || task.getClass() != ServiceTask.class) {
            return element;
        }
        return jobWorker(task).<BaseElement>map(w -> w).orElse(element);
    }

    /** The job-worker task standing for an element with a {@code zeebe:taskDefinition} type, if it has one. */
    static Optional<ExternalWorkerServiceTask> jobWorker(FlowNode element) {
        return Zeebe.attribute(element, "taskDefinition", "type").map(type -> asJobWorkerTask(element, type));
    }

    private static ExternalWorkerServiceTask asJobWorkerTask(FlowNode element, String type) {
        ExternalWorkerServiceTask worker = new ExternalWorkerServiceTask();
        if (element instanceof ServiceTask task) {
            worker.setValues(task);
        } else if (element instanceof Activity activity) {
            worker.setValues(activity);
        } else {
            worker.setValues(element);
        }
        worker.setXmlRowNumber(element.getXmlRowNumber());
        worker.setXmlColumnNumber(element.getXmlColumnNumber());
        worker.setType(ServiceTask.EXTERNAL_WORKER_TASK);
        worker.setTopic(type.strip());
        List<IOParameter> outputs = new ArrayList<>();
        for (Zeebe.Mapping mapping : Zeebe.mappings(element, "output")) {
            IOParameter output = new IOParameter();
            output.setSourceExpression(mapping.source());
            output.setTarget(mapping.target());
            outputs.add(output);
        }
        worker.setOutParameters(outputs);
        return worker;
    }
}
