package dev.cwlifecycle.connectwise.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * ConnectWise's error body: {@code {"code","message","errors":[{code,message,resource,field}]}}. The 429 body
 * uses {@code error} instead of {@code code}.
 */
@RegisterForReflection
public record ConnectWiseError(String code, String error, String message, List<FieldError> errors) {

    @RegisterForReflection
    public record FieldError(String code, String message, String resource, String field) {
    }

    public String codeOrError() {
        return code != null ? code : error;
    }

    public List<FieldError> fieldErrors() {
        return errors == null ? List.of() : errors;
    }
}
