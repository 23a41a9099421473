/**
 * The AWS-compatible API. Resources and operation groups only parse, call one domain service and
 * format; {@link io.tastemaker.web.api.ApiErrors} turns every failure into an AWS wire error.
 * Shapes follow the Personalize service models; members this server cannot honour are refused
 * with InvalidInputException rather than ignored.
 */
package io.tastemaker.web.api;
