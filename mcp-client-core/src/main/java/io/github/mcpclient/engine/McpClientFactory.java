package io.github.mcpclient.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientCustomizer;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.observation.DefaultMcpClientObservationConvention;
import io.github.mcpclient.observation.DefaultMcpServerRequestObservationConvention;
import io.github.mcpclient.observation.McpClientObservationConvention;
import io.github.mcpclient.observation.McpServerRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates MCP clients: the one way into the engine. Each client gets its own clone of the
 * {@link WebClient.Builder}, customized for its connection, with the connection's session
 * filter closest to the wire; it is taken, customized and built on the client's first
 * call, along with the rest of the client's engine (and, unless one is given, the
 * factory's JSON mapper), so that creating a client builds none of it. Clients of one
 * factory share its era verdicts. <pre class="code">
 * McpClient client = McpClientFactory.create()
 *     .create(McpClientSettings.of("weather", URI.create("https://example.com/mcp")));
 * </pre>
 *
 * @since 0.1.0
 */
public final class McpClientFactory {

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final Supplier<JsonMapper> mapper;

	private final EraVerdicts eraVerdicts;

	private final List<McpClientCustomizer> customizers;

	private final Function<Context, Context> blockingCallContext;

	private final Supplier<Observability> observability;

	private McpClientFactory(Builder builder) {
		ObservationRegistry registry = builder.observationRegistry;
		McpClientObservationConvention convention = builder.observationConvention;
		McpServerRequestObservationConvention serverRequestConvention = builder.serverRequestObservationConvention;
		this.observability = once(() -> new Observability(registry, convention, serverRequestConvention));
		this.webClientBuilder = builder.webClientBuilder;
		// A private mapper: an application's may use naming strategies that break MCP's
		// names.
		JsonMapper mapper = builder.mapper;
		this.mapper = (mapper != null) ? () -> mapper : once(() -> JsonMapper.builder().build());
		this.eraVerdicts = builder.eraVerdicts;
		this.customizers = List.copyOf(builder.customizers);
		this.blockingCallContext = builder.blockingCallContext;
	}

	/**
	 * A factory with a default {@link WebClient.Builder}, its own JSON mapper and
	 * in-memory era verdicts.
	 * @return the factory
	 */
	public static McpClientFactory create() {
		return builder().build();
	}

	/**
	 * A builder for a factory.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Create a client without handlers for server requests. No I/O happens until the
	 * first call.
	 * @param settings the connection settings
	 * @return the client
	 */
	public McpClient create(McpClientSettings settings) {
		return create(settings, McpClientHandlers.none());
	}

	/**
	 * Create a client. No I/O happens until the first call.
	 * @param settings the connection settings
	 * @param handlers the answers to server requests and the notification listeners
	 * @return the client; {@link McpClient#reactive()} gives its non-blocking view
	 */
	public McpClient create(McpClientSettings settings, McpClientHandlers handlers) {
		return create(settings, handlers, McpAuthorization.none());
	}

	/**
	 * Create a client whose requests are authorized. No I/O happens until the first call.
	 * @param settings the connection settings
	 * @param handlers the answers to server requests and the notification listeners
	 * @param authorization how the connection obtains credentials, such as an OAuth
	 * authorization
	 * @return the client; {@link McpClient#reactive()} gives its non-blocking view
	 */
	public McpClient create(McpClientSettings settings, McpClientHandlers handlers, McpAuthorization authorization) {
		// The engine is built on the first call: creating a client, as an application
		// does for each connection while it starts, builds none of it.
		Supplier<ReactiveMcpClient> engine = authorization.isPerPrincipal()
				? () -> new PerPrincipalMcpClient(settings, authorization,
						(principal) -> createReactive(settings, handlers, authorization, principal))
				: () -> createReactive(settings, handlers, authorization, null);
		return new BlockingMcpClient(new LazyReactiveMcpClient(settings.connectionName(), settings.url(), engine),
				this.blockingCallContext);
	}

	private DefaultReactiveMcpClient createReactive(McpClientSettings settings, McpClientHandlers handlers,
			McpAuthorization authorization, @Nullable String principal) {
		// Called on the connection's first call: until then it has no HTTP client, and
		// the application's builder (with the connector it carries) is not asked for.
		Supplier<WebClient.Builder> builder = () -> {
			WebClient.Builder connectionBuilder = this.webClientBuilder.get().clone();
			this.customizers
				.forEach((customizer) -> customizer.customize(settings.connectionName(), connectionBuilder));
			return connectionBuilder;
		};
		return DefaultReactiveMcpClient.create(settings, handlers, builder, this.mapper.get(), this.eraVerdicts,
				authorization, this.observability.get(), principal);
	}

	// Built by the first client that needs it, then shared.
	private static <T> Supplier<T> once(Supplier<T> supplier) {
		return new Supplier<>() {

			private volatile @Nullable T value;

			@Override
			public T get() {
				T result = this.value;
				if (result == null) {
					synchronized (this) {
						result = this.value;
						if (result == null) {
							result = supplier.get();
							this.value = result;
						}
					}
				}
				return result;
			}

		};
	}

	@Override
	public String toString() {
		return "McpClientFactory[eraVerdicts=" + this.eraVerdicts + "]";
	}

	/**
	 * Builds a {@link McpClientFactory}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private Supplier<WebClient.Builder> webClientBuilder = WebClient::builder;

		// Built on the first call when none is given.
		private @Nullable JsonMapper mapper;

		private EraVerdicts eraVerdicts = EraVerdicts.inMemory();

		private final List<McpClientCustomizer> customizers = new ArrayList<>();

		private Function<Context, Context> blockingCallContext = Function.identity();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable McpClientObservationConvention observationConvention;

		private @Nullable McpServerRequestObservationConvention serverRequestObservationConvention;

		private Builder() {
		}

		/**
		 * Where MCP operations, the server's requests and legacy sessions are observed.
		 * The default, {@link ObservationRegistry#NOOP}, observes nothing and costs
		 * nothing. The HTTP exchanges under an operation are observed by the
		 * {@link WebClient.Builder}'s own registry, as children of the operation.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention that names and keys the observations of MCP operations, instead
		 * of the {@link DefaultMcpClientObservationConvention default}.
		 * @param convention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable McpClientObservationConvention convention) {
			this.observationConvention = convention;
			return this;
		}

		/**
		 * The convention that names and keys the observations of requests the server
		 * sends to the client, instead of the
		 * {@link DefaultMcpServerRequestObservationConvention default}.
		 * @param convention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder serverRequestObservationConvention(@Nullable McpServerRequestObservationConvention convention) {
			this.serverRequestObservationConvention = convention;
			return this;
		}

		/**
		 * The builder every client's {@link WebClient} starts from; it is cloned, never
		 * changed.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = () -> webClientBuilder;
			return this;
		}

		/**
		 * Where every client's {@link WebClient.Builder} comes from, asked on each
		 * client's first call rather than when the client is created, such as a
		 * container's provider of a builder whose connector is built on demand. Each
		 * builder it gives is cloned, never changed.
		 * @param webClientBuilder gives the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * The JSON mapper for MCP messages. It must keep the protocol's field names as
		 * they are.
		 * @param mapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper mapper) {
			this.mapper = mapper;
			return this;
		}

		/**
		 * Where the automatic era choice is remembered per server origin.
		 * @param eraVerdicts the store
		 * @return this builder
		 */
		public Builder eraVerdicts(EraVerdicts eraVerdicts) {
			this.eraVerdicts = eraVerdicts;
			return this;
		}

		/**
		 * Add a customizer of each connection's {@link WebClient.Builder}, applied in the
		 * order added.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder customizer(McpClientCustomizer customizer) {
			this.customizers.add(customizer);
			return this;
		}

		/**
		 * What a blocking call carries into its Reactor context from the thread that
		 * makes it, such as the user a servlet request is for, so that a per-user
		 * authorization finds the call's principal. Applied on the calling thread as each
		 * blocking call starts.
		 * @param blockingCallContext adds to the call's context
		 * @return this builder
		 */
		public Builder blockingCallContext(Function<Context, Context> blockingCallContext) {
			this.blockingCallContext = blockingCallContext;
			return this;
		}

		public McpClientFactory build() {
			return new McpClientFactory(this);
		}

	}

}
