package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.flowable.bpmn.converter.ServiceTaskXMLConverter;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.ServiceTask;

/**
 * Reads a service task with {@code zeebe:taskDefinition} as a Flowable external-worker task
 * whose topic is the Zeebe job type: the same job model as Zeebe (a job is created, a worker
 * runs it outside any transaction, completes or fails it), so a slow step never holds a
 * database transaction. {@code zeebe:ioMapping} outputs become the task's output parameters.
 */
public class ZeebeServiceTaskXMLConverter extends ServiceTaskXMLConverter {

    @Override
    protected BaseElement convertXMLToElement(XMLStreamReader xtr, BpmnModel model) throws Exception {
        BaseElement element = super.convertXMLToElement(xtr, model);
        if (!(element instanceof ServiceTask task) || task.getClass() != ServiceTask.class) {
            return element;
        }
        return Zeebe.attribute(task, "taskDefinition", "type")
                .<BaseElement>map(type -> asJobWorkerTask(task, type))
                .orElse(element);
    }

    private static ExternalWorkerServiceTask asJobWorkerTask(ServiceTask task, String type) {
        ExternalWorkerServiceTask worker = new ExternalWorkerServiceTask();
        worker.setValues(task);
        worker.setXmlRowNumber(task.getXmlRowNumber());
        worker.setXmlColumnNumber(task.getXmlColumnNumber());
        worker.setType(ServiceTask.EXTERNAL_WORKER_TASK);
        worker.setTopic(type.strip());
        List<IOParameter> outputs = new ArrayList<>();
        for (Zeebe.Mapping mapping : Zeebe.mappings(task, "output")) {
            IOParameter output = new IOParameter();
            output.setSourceExpression(mapping.source());
            output.setTarget(mapping.target());
            outputs.add(output);
        }
        worker.setOutParameters(outputs);
        return worker;
    }
}
