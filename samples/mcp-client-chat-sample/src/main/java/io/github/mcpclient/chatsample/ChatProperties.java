package io.github.mcpclient.chatsample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the sample's chat.
 */
@ConfigurationProperties("sample.chat")
public class ChatProperties {

	/**
	 * Questions to ask when none are given on the command line.
	 */
	private final List<String> questions = new ArrayList<>();

	/**
	 * System prompt for the model.
	 */
	private String system = "You are a helpful assistant. Use the tools you are given when they help, "
			+ "and say which tool an answer came from.";

	public List<String> getQuestions() {
		return this.questions;
	}

	public String getSystem() {
		return this.system;
	}

	public void setSystem(String system) {
		this.system = system;
	}

}
