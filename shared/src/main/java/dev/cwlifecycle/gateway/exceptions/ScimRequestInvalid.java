package dev.cwlifecycle.gateway.exceptions;

/**
 * A SCIM request this service cannot read or act on (RFC 7644 §3.12): a filter, path, PatchOp or resource it
 * refuses. {@code scimType} is the RFC's keyword for the case ({@code invalidFilter}, {@code invalidPath},
 * {@code invalidSyntax}, {@code invalidValue}, {@code noTarget}, {@code mutability}).
 */
public class ScimRequestInvalid extends RuntimeException {

    private final String scimType;

    public ScimRequestInvalid(String scimType, String detail) {
        super(detail);
        this.scimType = scimType;
    }

    public String scimType() {
        return scimType;
    }
}
