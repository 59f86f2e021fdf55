package io.github.mcpclient.springai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Turns proposed tool names into names every model API accepts: only ASCII letters,
 * digits, {@code _} and {@code -}, at most {@value #MAX_LENGTH} characters, and no two
 * alike. The same proposals in the same order always get the same names.
 */
final class ToolNames {

	static final int MAX_LENGTH = 64;

	private static final int HASH_LENGTH = 8;

	private ToolNames() {
	}

	/**
	 * Assign names. A proposal that is safe and not taken yet is used as it is (made safe
	 * first if needed); a later proposal that clashes with an earlier one gets a suffix
	 * made from its identity, so the suffix does not depend on the other tools.
	 * @param proposals the proposals, in the order of precedence
	 * @return one name per proposal, in the same order
	 */
	static List<String> assign(List<Proposal> proposals) {
		Set<String> taken = new HashSet<>();
		String[] names = new String[proposals.size()];
		List<Integer> clashing = new ArrayList<>();
		for (int index = 0; index < names.length; index++) {
			String name = safe(proposals.get(index));
			if (taken.add(name)) {
				names[index] = name;
			}
			else {
				clashing.add(index);
			}
		}
		for (int index : clashing) {
			Proposal proposal = proposals.get(index);
			String base = clean(proposal.name());
			String name = suffixed(base, proposal.identity());
			for (int attempt = 2; !taken.add(name); attempt++) {
				name = suffixed(base, proposal.identity() + "#" + attempt);
			}
			names[index] = name;
		}
		return List.of(names);
	}

	/**
	 * The safe form of one proposal, without regard to the others.
	 * @param proposal the proposal
	 * @return a name of allowed characters and length
	 */
	static String safe(Proposal proposal) {
		String cleaned = clean(proposal.name());
		return (cleaned.length() <= MAX_LENGTH) ? cleaned : suffixed(cleaned, proposal.identity());
	}

	private static String clean(String name) {
		StringBuilder cleaned = new StringBuilder(name.length());
		name.codePoints().forEach((c) -> cleaned.appendCodePoint(allowed(c) ? c : '_'));
		return (cleaned.length() > 0) ? cleaned.toString() : "tool";
	}

	private static boolean allowed(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	private static String suffixed(String base, String identity) {
		int keep = MAX_LENGTH - HASH_LENGTH - 1;
		String start = (base.length() > keep) ? base.substring(0, keep) : base;
		return start + "_" + hash(identity);
	}

	private static String hash(String identity) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * A proposed name and what it names.
	 *
	 * @param name the proposed name
	 * @param identity what tells this tool apart from every other one (connection and
	 * tool name), which the suffixes are made from
	 */
	record Proposal(String name, String identity) {

		static Proposal of(String proposedName, String connectionName, String toolName) {
			return new Proposal(proposedName, connectionName + "\u0000" + toolName);
		}

	}

}
