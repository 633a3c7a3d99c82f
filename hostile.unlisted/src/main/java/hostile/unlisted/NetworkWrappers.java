package hostile.unlisted;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.rmi.Naming;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import java.util.logging.SocketHandler;
import javax.sound.sampled.AudioSystem;

/** Connections and listening sockets made by JDK code, to loopback servers the test runs. */
final class NetworkWrappers {
    private NetworkWrappers() {
    }

    static void register(Map<String, Action> m) {
        // java.logging: the handler connects in its constructor
        m.put("connect.socketHandler", in -> {
            new SocketHandler("127.0.0.1", in.port("port")).close();
            return "connected";
        });
        // java.rmi: the registry stub connects (the test's server is no registry: reaching it is the point)
        m.put("connect.rmiNamingLookup", in -> {
            try {
                Naming.lookup("rmi://127.0.0.1:" + in.port("port") + "/unlisted");
                return "bound";
            } catch (RemoteException | NotBoundException e) {
                Denials.rethrow(e);
                return "reached";
            }
        });
        // java.xml: the document is the plugin's own; its DTD is fetched from a loopback HTTP server
        m.put("connect.dtdOverHttp", in -> FileReads.parseOwnDocument(in, "<!DOCTYPE r SYSTEM \""
                + in.url("http", "/unlisted.dtd") + "\"><r>&greeting;</r>"));
        // java.desktop: the sound file readers open the URL themselves
        m.put("connect.audioFromUrl", in -> "frames " + AudioSystem.getAudioInputStream(
                URI.create(in.url("http", "/sound.wav")).toURL()).getFrameLength());
        // java.net, catalogue A12: openConnection is a row and checks the first URL; the JDK follows the redirect to
        // a second port by itself
        m.put("connect.httpRedirect", in -> {
            HttpURLConnection c = (HttpURLConnection) URI.create(in.url("http", "/redirect")).toURL().openConnection();
            try (InputStream body = c.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        // java.net.http, A12 again: HttpClient.send is a row and checks the request's URI; the client follows the
        // redirect itself, connecting from its own selector and executor threads (no plugin frame on their stacks)
        m.put("connect.httpClientRedirect", in -> {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
            return client.send(HttpRequest.newBuilder(URI.create(in.url("http", "/redirect"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        });
        // java.rmi: the registry's server socket is bound by the RMI transport; the round trip proves it listens
        m.put("listen.rmiCreateRegistry", in -> {
            int port = in.port("listen");
            Registry registry = LocateRegistry.createRegistry(port);
            try {
                return "listening, bound " + LocateRegistry.getRegistry("127.0.0.1", port).list().length;
            } finally {
                UnicastRemoteObject.unexportObject(registry, true);
            }
        });
    }
}
