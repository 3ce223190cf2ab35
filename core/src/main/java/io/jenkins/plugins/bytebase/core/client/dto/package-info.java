/**
 * Wire records of the Bytebase v1 REST API, exactly as the OpenAPI schema defines them.
 *
 * <p>Conventions that every record follows: absent fields mean their default (lists are never {@code null} after
 * construction), unknown enum values read as {@code UNKNOWN}, int64 values are read from JSON strings, and
 * {@code bytes} are base64. Request records only carry fields that the schema defines, because the server answers
 * an unknown field with HTTP 400. These records never leave the client package family: front ends keep their own
 * models (see the review and rollout packages).
 */
package io.jenkins.plugins.bytebase.core.client.dto;
