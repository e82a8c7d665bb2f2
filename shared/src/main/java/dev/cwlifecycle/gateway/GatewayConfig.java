package dev.cwlifecycle.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How API callers are bound to tenants: {@code cw.gateway.*}. */
@ConfigMapping(prefix = "cw.gateway")
public interface GatewayConfig {

    /**
     * The JWT claim that names the caller's tenant. A caller whose token carries it acts for that tenant only: a
     * {@code CW-Tenant} (or route) naming another is 403. A token without it may name any tenant.
     */
    @WithDefault("cw_tenant")
    String tenantClaim();
}
