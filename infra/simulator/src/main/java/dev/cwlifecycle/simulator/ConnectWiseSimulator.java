package dev.cwlifecycle.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ConnectWise PSA (Manage) site on loopback: {@code /login/companyinfo}, the REST API under
 * {@code /{codebase}apis/3.0} (and {@code v4_6_release/}), callback signing keys, one or more tenants with
 * seeded data, fault injection, a request log and signed callback deliveries. Start it with {@link #builder()}.
 */
public final class ConnectWiseSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "0f1e2d3c-aaaa-bbbb-cccc-000000000001";
    /** The on-premise codebase, which cloud sites keep answering under too. */
    public static final String LEGACY_CODEBASE = "v4_6_release/";
    static final long FIRST_MEMBER_ID = 101;
    private static final int THREADS = 16;
    private static final Pattern CODEBASE = Pattern.compile("[A-Za-z0-9_.]+/");

    private final HttpServer server;
    private final String site;
    private final ExecutorService threads;
    private final Map<String, Tenant> tenants;
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults;
    private final Callbacks callbacks;
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();
    private volatile String codebase;
    private volatile Duration latency;
    private volatile boolean memberDelete;
    private final Consumer<Duration> pauses;

    private ConnectWiseSimulator(Builder builder) {
        this.codebase = codebase(builder.codebase);
        this.latency = builder.latency;
        this.pauses = builder.pauses;
        this.faults = new Faults(new Random(builder.randomSeed));
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", builder.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + builder.port, e);
        }
        this.site = "127.0.0.1:" + server.getAddress().getPort();
        this.callbacks = new Callbacks(this::tenantFor, this::site, () -> baseUrl() + "/" + this.codebase,
                new CallbackDelivery(builder.firstRetry, builder.secondRetry));
        Map<String, Tenant> byCompany = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<SimTenant> configured = builder.tenants.isEmpty() ? List.of(SimTenant.standard("acme")) : builder.tenants;
        configured.forEach(keys -> byCompany.put(keys.companyId(), newTenant(keys, builder)));
        this.tenants = Collections.unmodifiableMap(byCompany);
        Set<String> clientIds = builder.clientIds.stream().map(id -> id.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        server.createContext("/", new SiteHandler(this, new ApiAuthentication(clientIds, this::tenantFor)));
        server.createContext(FaultsAdmin.PATH, new FaultsAdmin(faults));
        this.threads = Executors.newFixedThreadPool(THREADS, new DaemonThreads("cw-sim-http"));
        server.setExecutor(threads);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://" + site();
    }

    /** {@code 127.0.0.1:PORT}: what ConnectWise calls the site, and callbacks' {@code FromUrl}. */
    public String site() {
        return site;
    }

    /** The current codebase, e.g. {@code v2025_1/}. */
    public String codebase() {
        return codebase;
    }

    /** A cloud upgrade: the old codebase path answers 404 from now on; {@code v4_6_release/} keeps working. */
    public void upgradeCodebase(String newCodebase) {
        this.codebase = codebase(newCodebase);
    }

    /** {@code baseUrl + "/" + codebase + "apis/3.0"} */
    public String apiBase() {
        return baseUrl() + "/" + codebase + "apis/3.0";
    }

    /** The company's current keys. */
    public SimTenant tenant(String companyId) {
        return existing(companyId).keys();
    }

    public SimMembers members(String companyId) {
        return existing(companyId).members();
    }

    /** Replaces the company's key pair: the old pair gets 401 from now on. */
    public void rotateKeys(String companyId, String newPublicKey, String newPrivateKey) {
        existing(companyId).rotate(newPublicKey, newPrivateKey);
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Faults faults() {
        return faults;
    }

    public Callbacks callbacks() {
        return callbacks;
    }

    /**
     * Serve the seed guide's {@code DELETE /system/members/{id}} from now on (204, or 409 when the member has
     * history), or stop serving it. Off by default: the spec has no such route, so it answers 405.
     */
    public void memberDelete(boolean served) {
        this.memberDelete = served;
    }

    /** Added to every API request from now on. */
    public void latency(Duration perRequest) {
        this.latency = Objects.requireNonNull(perRequest, "perRequest");
    }

    /**
     * Runs after each API request is processed and logged, before its answer is written: a test can change data
     * "between pages" and the client's next request is sure to see the change.
     */
    public void onRequest(Consumer<RecordedRequest> listener) {
        listeners.add(listener);
    }

    /** Stops the server and the delivery threads and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        callbacks.close();
    }

    Optional<Tenant> tenantFor(String companyId) {
        return Optional.ofNullable(tenants.get(companyId));
    }

    boolean serves(String requestedCodebase) {
        return requestedCodebase.equalsIgnoreCase(codebase) || requestedCodebase.equalsIgnoreCase(LEGACY_CODEBASE);
    }

    Duration latency() {
        return latency;
    }

    /** Waits out a latency, the site's own or a fault's, before answering. */
    void pause(Duration delay) {
        if (!delay.isZero() && !delay.isNegative()) {
            pauses.accept(delay);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void notifyListeners(RecordedRequest request) {
        for (Consumer<RecordedRequest> listener : listeners) {
            try {
                listener.accept(request);
            } catch (RuntimeException e) {
                System.getLogger(ConnectWiseSimulator.class.getName())
                        .log(System.Logger.Level.WARNING, "An onRequest listener failed on " + request, e);
            }
        }
    }

    private Tenant existing(String companyId) {
        return tenantFor(companyId).orElseThrow(() -> new IllegalArgumentException("No tenant " + companyId));
    }

    /** Same seed, same company: same roles, members and signing key. */
    private Tenant newTenant(SimTenant keys, Builder builder) {
        Random random = new Random(builder.randomSeed * 31 + keys.companyId().toLowerCase(Locale.ROOT).hashCode());
        Instant now = builder.clock.instant();
        SystemCatalog catalog = SystemCatalog.standard(now.minus(Duration.ofDays(3 * 365)));
        SimMembers members = new SimMembers(catalog, builder.clock, this::apiBase, FIRST_MEMBER_ID,
                builder.uniqueOfficeEmail);
        Seeder.seed(members, builder.seedMembers, random, now, keys.companyId(), FIRST_MEMBER_ID);
        byte[] signingKey = new byte[32];
        random.nextBytes(signingKey);
        byte[] keyId = new byte[16];
        random.nextBytes(keyId);
        Tenant tenant = new Tenant(keys, catalog, members, new CallbackRegistry(builder.clock), new Tenant.CallbackKey(
                UUID.nameUUIDFromBytes(keyId).toString(), Base64.getEncoder().encodeToString(signingKey)),
                () -> memberDelete);
        members.announceTo((action, memberId, entity, by) ->
                callbacks.memberChanged(tenant, action, memberId, entity, by));
        return tenant;
    }

    private static String codebase(String candidate) {
        if (candidate == null || !CODEBASE.matcher(candidate).matches()) {
            throw new IllegalArgumentException("A codebase looks like v2025_1/ (ending in a slash): " + candidate);
        }
        return candidate;
    }

    /** Settings for {@link #start()}; every one has a default. */
    public static final class Builder {
        private int port;
        private String codebase = "v2025_1/";
        private final List<SimTenant> tenants = new ArrayList<>();
        private List<String> clientIds = List.of(DEFAULT_CLIENT_ID);
        private int seedMembers;
        private long randomSeed = 42;
        private Clock clock = Clock.systemUTC();
        private Duration latency = Duration.ZERO;
        private Consumer<Duration> pauses = ConnectWiseSimulator::sleep;
        private Duration firstRetry = Duration.ofSeconds(2);
        private Duration secondRetry = Duration.ofSeconds(4);
        private boolean uniqueOfficeEmail;

        private Builder() {
        }

        /**
         * Refuse a second member with the same office email ({@code ObjectExists}), as older simulators did. Off by
         * default: ConnectWise documents no such rule, and real sites share addresses.
         */
        public Builder uniqueOfficeEmail(boolean unique) {
            this.uniqueOfficeEmail = unique;
            return this;
        }


        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder codebase(String codebase) {
            this.codebase = codebase;
            return this;
        }

        /** Adds a company; without any, one tenant {@code acme} with keys {@code pub-acme}/{@code priv-acme}. */
        public Builder tenant(SimTenant tenant) {
            this.tenants.add(Objects.requireNonNull(tenant, "tenant"));
            return this;
        }

        /** The clientId values the site accepts (replacing the default one). */
        public Builder clientIds(String... clientIds) {
            this.clientIds = Arrays.asList(clientIds.clone());
            return this;
        }

        /** Members seeded per tenant, deterministically from {@link #randomSeed(long)}. */
        public Builder seedMembers(int count) {
            this.seedMembers = count;
            return this;
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        /**
         * The clock behind {@code _info} stamps, default hire and inactive dates and seeded dates. The HTTP
         * {@code Date} header is not from it: the JDK server writes that from the system clock and overwrites
         * any other, so keep this clock near real time when a client reads server time from {@code Date}.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder latency(Duration perRequest) {
            this.latency = Objects.requireNonNull(perRequest, "perRequest");
            return this;
        }

        /** How a latency is waited out: by sleeping, unless a test only records what the site would wait. */
        public Builder pauses(Consumer<Duration> pauses) {
            this.pauses = Objects.requireNonNull(pauses, "pauses");
            return this;
        }

        /** The waits before the second and third callback attempt (ConnectWise: 2 s and 4 s). */
        public Builder callbackRetryDelays(Duration first, Duration second) {
            this.firstRetry = Objects.requireNonNull(first, "first");
            this.secondRetry = Objects.requireNonNull(second, "second");
            return this;
        }

        /** Listens on 127.0.0.1 and returns the running site. */
        public ConnectWiseSimulator start() {
            return new ConnectWiseSimulator(this);
        }
    }
}
