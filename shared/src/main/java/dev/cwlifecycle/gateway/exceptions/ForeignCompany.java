package dev.cwlifecycle.gateway.exceptions;

/** A callback whose {@code CompanyId} is not the company of the tenant it names (or the tenant is unknown). */
public class ForeignCompany extends RuntimeException {

    public ForeignCompany() {
        super("The callback's CompanyId is not the company of this tenant");
    }
}
