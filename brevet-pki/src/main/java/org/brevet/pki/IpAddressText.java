package org.brevet.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.bouncycastle.util.IPAddress;

/** IP address literals in canonical text: dotted quad, or RFC 5952 for IPv6. Never resolves host names. */
final class IpAddressText {
    private IpAddressText() {
    }

    static String fromOctets(byte[] octets) {
        if (octets.length != 4 && octets.length != 16) {
            throw new BrevetException(ErrorKind.MALFORMED, "IP address subjectAltName has " + octets.length + " octets");
        }
        try {
            return format(InetAddress.getByAddress(octets));
        } catch (UnknownHostException e) {
            throw BrevetException.malformed("invalid IP address subjectAltName", e);
        }
    }

    /** Validates a literal (never a host name: no DNS lookup happens) and returns its canonical text. */
    static String canonical(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPAddress.isValidIPv4(s) && !IPAddress.isValidIPv6(s)) {
            throw new BrevetException(ErrorKind.MALFORMED, "'" + text + "' is not an IPv4 or IPv6 address");
        }
        try {
            return format(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            throw BrevetException.malformed("'" + text + "' is not an IP address", e);
        }
    }

    /** IPv4 dotted quad, or IPv6 in RFC 5952 form (lower case, longest zero run compressed). */
    private static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
