package hostile.unlisted;

import java.io.File;
import java.nio.file.Path;
import sandbox.api.PluginContext;

/**
 * What a test hands an action: a folder outside the plugin's data folder holding the files the test made, and
 * loopback ports of servers the test runs: {@code port} (accepts and closes), {@code http} (a small HTTP server),
 * {@code other} (a second HTTP server the policy never grants), {@code listen} (a free port); and {@code lib}, a native library copied to a fresh name for each run.
 */
record Inputs(PluginContext ctx) {
    Path dir() {
        return Path.of(require("dir"));
    }

    /** A file of the test's folder; a {@code File} built from a string is no sensitive call. */
    File file(String name) {
        return new File(require("dir"), name);
    }

    int port(String key) {
        return Integer.parseInt(require(key));
    }

    String url(String key, String path) {
        return "http://127.0.0.1:" + port(key) + path;
    }

    /** A file name the test chose for this run (a fresh copy), e.g. input {@code image}. */
    String name(String key) {
        return require(key);
    }

    /** A native library the test copied to a fresh name for this run. */
    String lib() {
        return require("lib");
    }

    Path data() {
        return ctx.dataFolder();
    }

    private String require(String key) {
        String v = ctx.input().get(key);
        if (v == null) {
            throw new IllegalArgumentException("input '" + key + "' is missing");
        }
        return v;
    }
}
