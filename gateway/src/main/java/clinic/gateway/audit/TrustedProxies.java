package clinic.gateway.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-For} is believed: IP addresses and CIDR ranges
 * ({@code 10.0.0.5}, {@code 172.16.0.0/12}, {@code ::1}), comma-separated. Only address literals: a host name is
 * refused at start-up and never looked up, nor is anything a client sends. (Spring Security's
 * {@code IpAddressMatcher} does the same but is a servlet request matcher, which the gateway cannot compile against.)
 */
final class TrustedProxies {

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	/** Only a valid dotted quad: anything else without a colon, InetAddress would look up as a name. */
	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	/** With a colon InetAddress parses an IPv6 literal or fails, never looks up. */
	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/** @throws IllegalArgumentException for an entry that is not an address or a range of addresses */
	static TrustedProxies parse(String setting) {
		return new TrustedProxies(Arrays.stream(StringUtils.commaDelimitedListToStringArray(setting))
			.map(String::strip)
			.filter(entry -> !entry.isEmpty())
			.map(Range::parse)
			.toList());
	}

	boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	/** Whether this is the address of a trusted proxy; {@code false} for anything that is not an address literal. */
	boolean contains(String address) {
		var parsed = literal(address);
		return parsed != null && this.ranges.stream().anyMatch(range -> range.contains(parsed));
	}

	/** The address a literal names, or {@code null} if it is not one (never a name looked up). */
	private static @Nullable InetAddress literal(String text) {
		if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException notAnAddress) {
			return null;
		}
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			var address = literal(slash < 0 ? entry : entry.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("clinic.gateway.trusted-proxies: not an IP address or range: " + entry);
			}
			int bits = address.getAddress().length * 8;
			int prefix;
			try {
				prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("clinic.gateway.trusted-proxies: not a prefix length: " + entry);
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("clinic.gateway.trusted-proxies: prefix length out of range: " + entry);
			}
			return new Range(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			int whole = this.prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (candidate[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (candidate[whole] & mask) == (this.network[whole] & mask);
		}

	}

}
