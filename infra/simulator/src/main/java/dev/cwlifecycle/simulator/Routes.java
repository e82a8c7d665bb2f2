package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Shared by the resource routes: ids in paths, segment names, and the answer to a method a route lacks. */
final class Routes {

    private Routes() {
    }

    /** A numeric id segment; anything else is not a route ConnectWise has. */
    static long id(String segment) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw ConnectWiseErrors.endpointMissing();
        }
    }

    static boolean is(List<String> segments, int index, String name) {
        return segments.size() > index && segments.get(index).equalsIgnoreCase(name);
    }

    /** One record, cut down to the request's {@code fields} when it has them. */
    static ObjectNode shaped(ApiRequest request, ObjectNode record) {
        return request.param("fields").filter(fields -> !fields.isBlank()).map(SparseFields::parse)
                .map(fields -> fields.apply(record)).orElse(record);
    }

    static ApiFailure unsupported(ApiRequest request) {
        return ConnectWiseErrors.methodNotAllowed(request.method());
    }

    static void requireGet(ApiRequest request) {
        if (!request.method().equals("GET")) {
            throw unsupported(request);
        }
    }
}
