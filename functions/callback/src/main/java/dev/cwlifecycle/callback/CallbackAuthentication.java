package dev.cwlifecycle.callback;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.gateway.Authentication;
import dev.cwlifecycle.gateway.CallerJson;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.Problems;
import dev.cwlifecycle.gateway.Tenants;
import dev.cwlifecycle.gateway.exceptions.BodyTooLarge;
import dev.cwlifecycle.gateway.exceptions.CallbackNotApplied;
import dev.cwlifecycle.gateway.exceptions.ForeignCompany;
import dev.cwlifecycle.gateway.exceptions.KeyUrlRefused;
import dev.cwlifecycle.gateway.exceptions.SignatureRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;

/**
 * ConnectWise's callbacks are public, so they prove themselves by their signature instead of a bearer token: size
 * limit, parse, the tenant's company, the key_url's host, the signing key, the signature over the raw bytes. Nothing
 * outbound is sent before the checks that need no request have passed.
 */
@ApplicationScoped
public class CallbackAuthentication implements Authentication<SignedCallback> {

    private static final Logger LOG = Logger.getLogger(CallbackAuthentication.class);

    private final CallbackConfig config;
    private final Tenants tenants;
    private final SigningKeys signingKeys;
    private final CallerJson json;
    private final Clock clock;

    @Inject
    public CallbackAuthentication(CallbackConfig config, Tenants tenants, SigningKeys signingKeys, Clock clock) {
        this.config = config;
        this.tenants = tenants;
        this.signingKeys = signingKeys;
        this.clock = clock;
        // the signed Entity is a string that may be nearly the whole body
        this.json = new CallerJson(config.maxBodyBytes(), config.maxBodyBytes());
    }

    /** A callback of the tenant's own company, not yet verified. */
    @Override
    public SignedCallback identify(GatewayRequest request, String tenant) {
        AnswerDeadline deadline = AnswerDeadline.after(clock, config.answerWithin());
        byte[] body = request.rawBody();
        if (body.length > config.maxBodyBytes()) {
            throw new BodyTooLarge(body.length, config.maxBodyBytes());
        }
        CallbackPayload callback = CallbackPayload.parse(json, body);
        Tenants.requireValid(tenant);
        ConnectWiseCredentials site = tenants.known(tenant).orElseThrow(ForeignCompany::new);
        if (!site.companyId().equalsIgnoreCase(callback.companyId())) {
            throw new ForeignCompany();
        }
        return new SignedCallback(body, callback, site.site(), deadline);
    }

    @Override
    public void verify(GatewayRequest request, String tenant, SignedCallback callback) {
        URI keyUrl = KeyUrlPolicy.forSite(callback.site()).allowed(callback.payload().keyUrl())
                .orElseThrow(KeyUrlRefused::new);
        if (!CallbackSignature.matches(signingKeys.hmacKey(keyUrl, callback.deadline()), callback.body(),
                request.header(CallbackSignature.HEADER))) {
            throw new SignatureRefused("The " + CallbackSignature.HEADER + " header is missing or does not match "
                    + "the body");
        }
    }

    /** Nothing was recorded: 429 is the one answer after which ConnectWise delivers again. */
    @Override
    public RuntimeException unserved(RuntimeException failure) {
        if (Problems.isRefusal(failure)) {
            return failure;
        }
        LOG.errorf(failure, "callback not applied: %s", failure);
        return new CallbackNotApplied(failure);
    }
}
