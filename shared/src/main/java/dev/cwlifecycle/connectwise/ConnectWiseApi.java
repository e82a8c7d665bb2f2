package dev.cwlifecycle.connectwise;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/**
 * ConnectWise's REST API as the Quarkus REST Client sends it, below one base URI ({@link HttpTransport} builds one
 * client per site and codebase). Path and query come already encoded by {@link ApiRequest} ({@code @Encoded}): the
 * REST Client's own encoding would send a space in {@code conditions} as {@code +}, which ConnectWise does not read
 * as a space. Every answer, whatever its status, comes back as a {@link Response}; {@link HttpTransport} types it.
 */
interface ConnectWiseApi {

    @GET
    @Path("{path}")
    Response get(@PathParam("path") @Encoded String path, @RestQuery @Encoded Map<String, String> query,
                 @RestHeader Map<String, String> headers);

    @POST
    @Path("{path}")
    Response post(@PathParam("path") @Encoded String path, @RestQuery @Encoded Map<String, String> query,
                  @RestHeader Map<String, String> headers, byte[] body);

    @PATCH
    @Path("{path}")
    Response patch(@PathParam("path") @Encoded String path, @RestQuery @Encoded Map<String, String> query,
                   @RestHeader Map<String, String> headers, byte[] body);

    @DELETE
    @Path("{path}")
    Response delete(@PathParam("path") @Encoded String path, @RestQuery @Encoded Map<String, String> query,
                    @RestHeader Map<String, String> headers);
}
