package dev.cwlifecycle.gateway.exceptions;

/** An authenticated caller named a tenant it is not bound to (its JWT claim, or the tenant's IAM allow-list). */
public class TenantForbidden extends RuntimeException {

    public TenantForbidden(String detail) {
        super(detail);
    }
}
