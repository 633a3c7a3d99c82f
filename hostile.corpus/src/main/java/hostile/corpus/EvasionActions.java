package hostile.corpus;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.Watchable;
import java.util.Map;

/** Group H: bytecode shapes that hide the JDK member a call reaches. */
final class EvasionActions {
    private EvasionActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("H1.subclassReceiver", in -> String.valueOf(new MyFile(in.path()).delete()));
        m.put("H2.staticViaSubclass", in -> {
            MyThread.setDefaultUncaughtExceptionHandler(Thread.getDefaultUncaughtExceptionHandler());
            return "set";
        });
        m.put("H2.unqualifiedInSubclass", in -> {
            MyConnection.apply();
            return "set";
        });
        m.put("H3.superConstructorFile", in -> {
            try (MyInput s = new MyInput(in.path())) {
                return new String(s.readAllBytes());
            }
        });
        m.put("H3.superConstructorServerSocket", in -> {
            try (MyServer s = new MyServer()) {
                return "listening";
            }
        });
        m.put("H4.superMethod", in -> String.valueOf(new Quiet(in.path()).reallyDelete()));
        m.put("H5.watchableInterface", in -> {
            try (WatchService ws = FileSystems.getDefault().newWatchService()) {
                Watchable w = Path.of(in.path()).getParent();
                w.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
                return "watching";
            }
        });
        m.put("H10.nameTheGuard", in -> String.valueOf(GuardByName.find()));
        m.put("H10.computedGuardName", in -> String.valueOf(GuardByComputedName.find()));
        m.put("H12.fourArgumentSocket", in -> {
            new Socket(InetAddress.getByName("127.0.0.1"), in.port(), InetAddress.getLoopbackAddress(), 0).close();
            return "connected";
        });
        m.put("H12.longArgument", in -> {
            try (RandomAccessFile f = new RandomAccessFile(in.path(), "r")) {
                f.seek(f.length());   // a long argument: a category-2 value on the stack
                return "opened";
            }
        });
    }

    static final class MyFile extends File {
        MyFile(String p) {
            super(p);
        }
    }

    static final class Quiet extends File {
        Quiet(String p) {
            super(p);
        }

        @Override
        public boolean delete() {
            return false;
        }

        boolean reallyDelete() {
            return super.delete();
        }
    }

    static final class MyThread extends Thread {
    }

    static final class MyConnection extends HttpURLConnection {
        MyConnection() {
            super(null);
        }

        static void apply() {
            setFollowRedirects(getFollowRedirects());   // owner in bytecode: this subclass
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean usingProxy() {
            return false;
        }

        @Override
        public void connect() {
        }

        static URL unused() {
            return null;
        }
    }

    static final class MyInput extends FileInputStream {
        MyInput(String p) throws IOException {
            super(p);
        }
    }

    static final class MyServer extends ServerSocket {
        MyServer() throws IOException {
            super(0);
        }
    }
}
