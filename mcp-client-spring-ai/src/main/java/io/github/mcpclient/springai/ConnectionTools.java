package io.github.mcpclient.springai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.Tool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The tool list of one connection, fetched when first needed and kept until the server
 * says it changed or its time to live, if it gave one, runs out. One listing at a time
 * serves every caller; a listing that fails leaves the connection without tools until the
 * retry interval has passed, with one warning per outage.
 */
final class ConnectionTools {

	private static final Log logger = LogFactory.getLog(ConnectionTools.class);

	private final ReactiveMcpClient client;

	private final Clock clock;

	private final Duration retryInterval;

	private final Object lock = new Object();

	private long generation;

	private @Nullable Listing listing;

	private @Nullable Mono<Listing> inFlight;

	private boolean failing;

	ConnectionTools(ReactiveMcpClient client, Clock clock, Duration retryInterval) {
		this.client = client;
		this.clock = clock;
		this.retryInterval = retryInterval;
	}

	String connectionName() {
		return this.client.name();
	}

	/**
	 * The tools as last listed, listing them first if that listing is out of date.
	 * @return the listing, never an error
	 */
	Mono<Listing> tools() {
		synchronized (this.lock) {
			Listing current = this.listing;
			if (current != null && current.isFreshAt(this.clock.instant())) {
				return Mono.just(current);
			}
			if (this.inFlight == null) {
				long startedIn = this.generation;
				this.inFlight = fetch().onErrorResume((ex) -> Mono.just(failed(ex)))
					.doOnNext((fetched) -> keep(startedIn, fetched))
					.cache();
			}
			return this.inFlight;
		}
	}

	/**
	 * The listing as it is, without any I/O.
	 * @return the last listing, or {@code null} if there is none
	 */
	@Nullable Listing current() {
		synchronized (this.lock) {
			return this.listing;
		}
	}

	/**
	 * Forget the listing: the next caller lists again. A listing under way when this is
	 * called still answers its callers but is not kept, as it may predate the change.
	 */
	void invalidate() {
		synchronized (this.lock) {
			this.generation++;
			this.listing = null;
			this.inFlight = null;
		}
	}

	private Mono<Listing> fetch() {
		return Mono.defer(() -> {
			Set<String> cursors = new HashSet<>();
			return this.client.listTools(null).expand((page) -> {
				String cursor = page.nextCursor();
				if (cursor == null || !cursors.add(cursor)) {
					return Mono.empty();
				}
				return this.client.listTools(cursor);
			}).collectList().map(this::listing);
		});
	}

	private Listing listing(List<ListToolsResult> pages) {
		List<Tool> tools = new ArrayList<>();
		Long ttl = null;
		for (ListToolsResult page : pages) {
			tools.addAll(page.tools());
			if (page.ttlMs() != null) {
				ttl = (ttl != null) ? Math.min(ttl, page.ttlMs()) : page.ttlMs();
			}
		}
		Instant now = this.clock.instant();
		return new Listing(List.copyOf(tools), (ttl != null) ? now.plusMillis(Math.max(ttl, 0)) : null, false);
	}

	private Listing failed(Throwable ex) {
		return new Listing(List.of(), this.clock.instant().plus(this.retryInterval), true,
				(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName());
	}

	private void keep(long startedIn, Listing fetched) {
		synchronized (this.lock) {
			if (this.generation == startedIn) {
				this.listing = fetched;
				this.inFlight = null;
			}
			report(fetched);
		}
	}

	private void report(Listing fetched) {
		if (fetched.failed() && !this.failing) {
			this.failing = true;
			logger.warn("Could not list the tools of MCP connection '" + connectionName() + "', so the model is "
					+ "offered none of them until it answers again: " + fetched.failure());
		}
		else if (fetched.failed()) {
			logger.debug(
					"Still cannot list the tools of MCP connection '" + connectionName() + "': " + fetched.failure());
		}
		else if (this.failing) {
			this.failing = false;
			logger.info("Listed the tools of MCP connection '" + connectionName() + "' again");
		}
	}

	/**
	 * One listing of a connection's tools.
	 *
	 * @param tools the tools
	 * @param expires when to list again, or {@code null} to wait for a change
	 * notification
	 * @param failed whether the listing failed
	 * @param failure why it failed
	 */
	record Listing(List<Tool> tools, @Nullable Instant expires, boolean failed, @Nullable String failure) {

		Listing(List<Tool> tools, @Nullable Instant expires, boolean failed) {
			this(tools, expires, failed, null);
		}

		boolean isFreshAt(Instant now) {
			return this.expires == null || now.isBefore(this.expires);
		}

	}

}
