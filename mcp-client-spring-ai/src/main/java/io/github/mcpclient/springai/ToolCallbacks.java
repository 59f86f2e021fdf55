package io.github.mcpclient.springai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.Tool;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.ToolCallback;

/**
 * Makes the callbacks of the connections' tool lists: filtered, named and made unique.
 * The callbacks last made are kept with the lists they came from, so that unchanged lists
 * cost no new callbacks.
 */
final class ToolCallbacks {

	private final Map<String, McpClient> clients;

	private final McpToolFilter filter;

	private final McpToolNaming naming;

	private final McpToolResultConverter resultConverter;

	private final McpToolCallMeta callMeta;

	private volatile Snapshot snapshot = new Snapshot(List.of(), new ToolCallback[0]);

	/**
	 * Create the callback maker.
	 * @param clients the clients by connection name, in configuration order
	 * @param filter which tools to offer
	 * @param naming the names to propose
	 * @param resultConverter how results become text
	 * @param callMeta what of the tool context is sent
	 */
	ToolCallbacks(Map<String, McpClient> clients, McpToolFilter filter, McpToolNaming naming,
			McpToolResultConverter resultConverter, McpToolCallMeta callMeta) {
		this.clients = clients;
		this.filter = filter;
		this.naming = naming;
		this.resultConverter = resultConverter;
		this.callMeta = callMeta;
	}

	/**
	 * The callbacks of some listings.
	 * @param listings one per connection, in configuration order; {@code null} for a
	 * connection whose tools are not known
	 * @return the callbacks, a new array each time
	 */
	ToolCallback[] of(List<ConnectionTools.@Nullable Listing> listings) {
		Snapshot last = this.snapshot;
		if (last.isFor(listings)) {
			return last.callbacks().clone();
		}
		List<McpClient> owners = new ArrayList<>();
		List<Tool> tools = new ArrayList<>();
		List<ToolNames.Proposal> proposals = new ArrayList<>();
		int index = 0;
		for (McpClient client : this.clients.values()) {
			ConnectionTools.Listing listing = listings.get(index++);
			if (listing == null) {
				continue;
			}
			Set<String> seen = new HashSet<>();
			for (Tool tool : listing.tools()) {
				// A server that lists a tool twice gets it offered once
				if (seen.add(tool.name()) && this.filter.include(client.name(), tool)) {
					owners.add(client);
					tools.add(tool);
					proposals
						.add(ToolNames.Proposal.of(this.naming.name(client.name(), tool), client.name(), tool.name()));
				}
			}
		}
		List<String> names = ToolNames.assign(proposals);
		ToolCallback[] callbacks = new ToolCallback[tools.size()];
		for (int i = 0; i < callbacks.length; i++) {
			callbacks[i] = new McpToolCallback(owners.get(i), tools.get(i), names.get(i), this.resultConverter,
					this.callMeta);
		}
		this.snapshot = new Snapshot(listings, callbacks);
		return callbacks.clone();
	}

	private record Snapshot(List<ConnectionTools.@Nullable Listing> listings, ToolCallback[] callbacks) {

		boolean isFor(List<ConnectionTools.@Nullable Listing> others) {
			if (others.size() != this.listings.size()) {
				return false;
			}
			for (int i = 0; i < others.size(); i++) {
				if (others.get(i) != this.listings.get(i)) {
					return false;
				}
			}
			return true;
		}

	}

}
