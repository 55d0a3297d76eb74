/**
 * Camunda's outbound REST connector ({@code io.camunda:http-json:1}) on the embedded engine: the inputs the
 * element template Modeler ships writes (method, url, headers, queryParameters, body, authentication.*, timeouts)
 * and its task headers (resultVariable, resultExpression, errorExpression, retryBackoff), run through Camel's
 * HTTP component. One route per concern: the call itself and the OAuth token request.
 */
package io.trainflow.workflows.connector.rest;
