package hostile.corpus;

import java.nio.file.Path;
import sandbox.api.PluginContext;

/** What a test hands an action: a file, a folder, a loopback port, and the plugin's own data folder. */
record Inputs(PluginContext ctx) {
    String path() {
        return require("path");
    }

    Path dir() {
        return Path.of(require("dir"));
    }

    int port() {
        return Integer.parseInt(require("port"));
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
