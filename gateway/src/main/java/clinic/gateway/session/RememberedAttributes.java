package clinic.gateway.session;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.web.server.csrf.CsrfToken;

/**
 * How the gateway reads a session's attributes from PostgreSQL: as Spring Session does (Java serialization), but an
 * attribute whose stored bytes it has read before is not deserialized again. Every staff call reads the session's
 * security context and its authorized client (about 17 kB together); deserializing them was a sixth of the gateway's
 * CPU per proxied call (docs/benchmarks.md). The bytes are the key (found by their CRC-32C and length, then compared
 * in full), so a session changed by any gateway instance is read afresh, and one session can never be handed
 * another's attributes. Each call gets a copy it may change (a new security context, a new map of authorized
 * clients, whose tokens are immutable); types not known to be safe to share are deserialized every time.
 */
final class RememberedAttributes implements Converter<byte[], Object> {

	/** About a hundred staff sessions' attributes; the least recently read are forgotten first. */
	static final int MAX_REMEMBERED = 300;

	private final Converter<byte[], Object> deserializing;

	private record Key(long crc, int length) {
	}

	private record Remembered(byte[] bytes, Object value) {
	}

	private final Map<Key, Remembered> remembered = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
			return size() > MAX_REMEMBERED;
		}
	};

	RememberedAttributes(Converter<byte[], Object> deserializing) {
		this.deserializing = deserializing;
	}

	/** Spring Session's own conversions, with {@link RememberedAttributes} reading. */
	static ConversionService conversions() {
		var conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, new RememberedAttributes(new DeserializingConverter()));
		return conversions;
	}

	@Override
	public Object convert(byte[] bytes) {
		var crc = new CRC32C();
		crc.update(bytes);
		var key = new Key(crc.getValue(), bytes.length);
		Remembered known;
		synchronized (remembered) {
			known = remembered.get(key);
		}
		if (known != null && Arrays.equals(known.bytes(), bytes)) {
			return copy(known.value());
		}
		var read = deserializing.convert(bytes);
		if (read != null && shareable(read)) {
			synchronized (remembered) {
				remembered.put(key, new Remembered(bytes.clone(), read));
			}
			return copy(read);
		}
		return read;
	}

	int size() {
		synchronized (remembered) {
			return remembered.size();
		}
	}

	private static boolean shareable(Object value) {
		return value instanceof SecurityContextImpl || value instanceof CsrfToken || value instanceof String
				|| value instanceof HashMap<?, ?> map && map.values().stream().allMatch(OAuth2AuthorizedClient.class::isInstance);
	}

	/** What a caller may change without changing what is remembered. */
	private static Object copy(Object value) {
		if (value instanceof SecurityContext context) {
			return new SecurityContextImpl(context.getAuthentication());
		}
		if (value instanceof HashMap<?, ?> map) {
			return new HashMap<>(map);
		}
		return value;
	}
}
