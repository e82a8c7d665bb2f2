package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;

/**
 * Where a tenant's ConnectWise site answers: {@code https://{site}} for a host, or the site itself when it is a
 * loopback {@code http://} URL (the local simulator; credentials validation allows nothing else).
 */
record SiteAddress(String root) {

    static SiteAddress of(ConnectWiseCredentials credentials) {
        String site = credentials.site();
        return new SiteAddress(site.startsWith("http://") || site.startsWith("https://") ? site : "https://" + site);
    }

    /** {@code https://{site}/{codebase}apis/3.0}; the codebase ends in {@code /}. */
    String apiBase(String codebase) {
        return root + "/" + codebase + "apis/3.0";
    }
}
