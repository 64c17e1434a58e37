/**
 * The process owner's models: BPMN, DMN and Camunda Forms deployed from {@code processes/}, {@code decisions/} and
 * {@code forms/}.
 */
package cn.bureau.subsidy.modeling;
