package sandbox.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sandbox.api.PermissionGrant;
import sandbox.api.PermissionKind;

/**
 * A plugin's network grants, compiled. A request names a host (a name or an address literal) and a port.
 * <ul>
 * <li>A name is matched by name only ({@code api.example.com}, {@code *.example.com}, {@code *}); a name no grant
 * mentions is denied without being resolved, so the check itself sends no DNS query (A15).</li>
 * <li>An address is matched against address grants and against the addresses of granted names (the operator's
 * names, resolved once per policy generation). Alternative literals ({@code 2130706433}, {@code 127.1}) are parsed
 * by the JDK before comparison, so they are the address they denote (A14).</li>
 * <li>At STRICT a grant must name its port: {@code host:*} does not count.</li>
 * </ul>
 */
final class HostGrants {
    private static final class Rule {
        final String host;
        final int port;            // -1: any port
        final Set<String> actions;
        private volatile InetAddress[] addresses;

        Rule(String host, int port, Set<String> actions) {
            this.host = host;
            this.port = port;
            this.actions = actions;
        }

        boolean portMatches(int p, boolean strict) {
            return port < 0 ? !strict : port == p;
        }

        boolean nameMatches(String name) {
            return host.equals("*") || host.equals(name) || (host.startsWith("*.") && name.endsWith(host.substring(1)));
        }

        boolean addressMatches(InetAddress address) {
            if (host.equals("*")) {
                return true;
            }
            if (host.startsWith("*.")) {
                return false;
            }
            InetAddress[] mine = addresses;
            if (mine == null) {
                try {
                    mine = InetAddress.getAllByName(host);
                } catch (UnknownHostException e) {
                    mine = new InetAddress[0];
                }
                addresses = mine;
            }
            for (InetAddress a : mine) {
                if (a.equals(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    HostGrants(List<PermissionGrant> grants) {
        for (PermissionGrant g : grants) {
            if (g.kind() == PermissionKind.NETWORK) {
                String t = g.target();
                int colon = t.lastIndexOf(':');
                String host = t.substring(0, colon).toLowerCase(Locale.ROOT);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                String port = t.substring(colon + 1);
                rules.add(new Rule(host, port.equals("*") ? -1 : Integer.parseInt(port), g.actions()));
            }
        }
    }

    /** @return true when some grant names this host name (not an address literal) for the port and action */
    boolean allowsName(String name, int port, String action, boolean strict) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Rule r : rules) {
            if (r.actions.contains(action) && r.portMatches(port, strict) && r.nameMatches(n)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when some grant covers this address for the port and action */
    boolean allowsAddress(InetAddress address, int port, String action, boolean strict) {
        for (Rule r : rules) {
            if (r.actions.contains(action) && r.portMatches(port, strict) && r.addressMatches(address)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when the text is an address literal the JDK parses without a DNS query */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return !host.isEmpty();
    }
}
