package io.github.mcpclient.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.McpRootsProvider;
import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.CreateMessageResult;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.LoggingMessageNotification;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.Root;
import io.github.mcpclient.protocol.TextContent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Handlers for everything a server may ask of the client, and a listener for everything
 * it may announce, that answer as a test tells them and remember what they were given,
 * together with the connection name the client passed along.
 */
final class RecordingHandlers
		implements McpElicitationHandler, McpSamplingHandler, McpRootsProvider, McpNotificationListener {

	/** The model name the sampling handler reports. */
	static final String MODEL = "interop-test-model";

	final List<Received<ElicitRequest>> elicitations = new CopyOnWriteArrayList<>();

	final List<Received<CreateMessageRequest>> samplings = new CopyOnWriteArrayList<>();

	final List<String> rootsRequests = new CopyOnWriteArrayList<>();

	final List<Received<Notification>> notifications = new CopyOnWriteArrayList<>();

	final List<Received<LoggingMessageNotification>> logs = new CopyOnWriteArrayList<>();

	final List<Received<String>> updatedResources = new CopyOnWriteArrayList<>();

	final List<Received<ProgressNotification>> progress = new CopyOnWriteArrayList<>();

	final List<String> toolListChanges = new CopyOnWriteArrayList<>();

	private volatile Function<ElicitRequest, ElicitResult> elicitationAnswer = (request) -> ElicitResult.decline();

	private volatile String samplingAnswer = "no answer configured";

	private volatile List<Root> roots = List.of();

	/**
	 * All of them, as a client gets them.
	 * @return handlers for elicitation, sampling and roots, and this as the one listener
	 */
	McpClientHandlers all() {
		return McpClientHandlers.none()
			.withElicitation(this)
			.withSampling(this)
			.withRoots(this)
			.withListeners(List.of(this));
	}

	RecordingHandlers answerElicitation(Function<ElicitRequest, ElicitResult> answer) {
		this.elicitationAnswer = answer;
		return this;
	}

	RecordingHandlers answerSampling(String text) {
		this.samplingAnswer = text;
		return this;
	}

	RecordingHandlers offerRoots(List<Root> roots) {
		this.roots = List.copyOf(roots);
		return this;
	}

	/**
	 * The methods of the notifications heard so far, in order.
	 * @return the methods
	 */
	List<String> notificationMethods() {
		return this.notifications.stream().map((received) -> received.value().method()).toList();
	}

	@Override
	public ElicitResult elicit(String connectionName, ElicitRequest request) {
		this.elicitations.add(new Received<>(connectionName, request));
		return this.elicitationAnswer.apply(request);
	}

	@Override
	public CreateMessageResult createMessage(String connectionName, CreateMessageRequest request) {
		this.samplings.add(new Received<>(connectionName, request));
		return new CreateMessageResult(Role.ASSISTANT, new TextContent(this.samplingAnswer), MODEL, "endTurn", null);
	}

	@Override
	public List<Root> roots(String connectionName) {
		this.rootsRequests.add(connectionName);
		return this.roots;
	}

	@Override
	public void onToolsListChanged(String connectionName) {
		this.toolListChanges.add(connectionName);
	}

	@Override
	public void onResourceUpdated(String connectionName, String uri) {
		this.updatedResources.add(new Received<>(connectionName, uri));
	}

	@Override
	public void onProgress(String connectionName, ProgressNotification progress) {
		this.progress.add(new Received<>(connectionName, progress));
	}

	@Override
	public void onLoggingMessage(String connectionName, LoggingMessageNotification message) {
		this.logs.add(new Received<>(connectionName, message));
	}

	@Override
	public void onNotification(String connectionName, String method, @Nullable JsonNode params) {
		this.notifications.add(new Received<>(connectionName, new Notification(method, params)));
	}

	/**
	 * Something a handler or the listener was given.
	 *
	 * @param <T> what it was given
	 * @param connectionName the connection the client named
	 * @param value what it was given
	 */
	record Received<T>(String connectionName, T value) {
	}

	/**
	 * A notification in raw form.
	 *
	 * @param method the method
	 * @param params the parameters, if any
	 */
	record Notification(String method, @Nullable JsonNode params) {
	}

}
