package clinic.platform.input;

import java.util.Collection;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: exactly as written, never coerced. A fraction is no whole number (a minimum age of 1.5
 * is refused, not stored as 1), a number or boolean is no text, text is no number, a date-time or a bare number is no
 * date, null is no number, a number is no choice of an enumeration, and an array holds no nulls. Text is
 * {@link PlainText}, dates and instants {@link PlausibleTime}, and a key given twice or one the request does not have
 * (a misspelt field, a field of the answer sent back, one of an older or newer version) is refused. Each refusal names
 * the field (Jackson's path), which the problem handling reports.
 * <p>
 * Only what clients send is read this way: the services' own JSON (events, stored documents) keeps the mapper Spring
 * Boot configures, so that nothing already stored becomes unreadable.
 */
public final class StrictJson {

	private StrictJson() {
	}

	/** A copy of {@code mapper} that reads strictly (it writes as {@code mapper} does). */
	public static JsonMapper of(JsonMapper mapper) {
		return mapper.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// Spring's mapper ignores unknown properties: a misspelt or made-up field would vanish unnoticed
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.defaultLeniency(false)
			.withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.DateTime, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("clinic-strict-input").addDeserializer(String.class, new PlainTextDeserializer())
				.setDeserializerModifier(new PlausibleTimeModifier()))
			.build();
	}

	/** Text as Jackson reads it (without coercion), refused when it is not {@link PlainText}. */
	static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

		PlainTextDeserializer() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			var text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null) {
				var problem = PlainText.problem(text);
				if (problem.isPresent()) {
					throw new RefusedValueException(parser, problem.get(), text, String.class);
				}
			}
			return text;
		}
	}

	/**
	 * Dates, times and instants are ISO-8601 text, never numbers (epoch seconds or days) or arrays, and once read they
	 * are checked against {@link PlausibleTime}.
	 */
	static final class PlausibleTimeModifier extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			var type = description.getBeanClass();
			return type.getPackageName().equals("java.time") ? new PlausibleTimeDeserializer(deserializer)
					: deserializer;
		}

		@Override
		public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			var content = type.getContentType().getRawClass();
			return Number.class.isAssignableFrom(content) || content == Boolean.class ? deserializer
					: new NoNullsDeserializer(deserializer);
		}
	}

	/** A collection of text, ids, choices or objects: a null in it is refused, naming its index. */
	static final class NoNullsDeserializer extends DelegatingDeserializer {

		NoNullsDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new NoNullsDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value instanceof Collection<?> collection) {
				int index = 0;
				for (var element : collection) {
					if (element == null) {
						throw (RefusedValueException) new RefusedValueException(parser, "must not be null", null,
								handledType()).prependPath(collection, index);
					}
					index++;
				}
			}
			return value;
		}
	}

	static final class PlausibleTimeDeserializer extends DelegatingDeserializer {

		PlausibleTimeDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new PlausibleTimeDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				throw new RefusedValueException(parser, "must be ISO-8601 text such as 2030-01-07, 14:30 or "
						+ "2030-01-07T14:30:00Z", parser.currentToken(), handledType());
			}
			var value = super.deserialize(parser, context);
			if (value != null) {
				var problem = PlausibleTime.problem(value);
				if (problem.isPresent()) {
					throw new RefusedValueException(parser, problem.get(), value, value.getClass());
				}
			}
			return value;
		}
	}
}
