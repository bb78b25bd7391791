package clinic.session.web;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * Documents the headers every POST on a session record takes (read by {@link EntryAnswers} rather than declared on
 * each method): {@code Idempotency-Key} and {@code If-Match}.
 */
@Component
class EntryHeadersDocumentation implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		var type = handler.getBeanType();
		var onARecord = type == RecordController.class || type == ChartController.class;
		if (onARecord && handler.hasMethodAnnotation(PostMapping.class)) {
			operation.addParametersItem(new HeaderParameter().name(EntryAnswers.IDEMPOTENCY_KEY)
				.required(false)
				.schema(new StringSchema().maxLength(100).pattern("[A-Za-z0-9._:-]{1,100}"))
				.description("A key of the entry's own (a UUID): the same entry sent again with it gets the first "
						+ "answer back and changes nothing; another entry with it is a 409"));
			// opening a record has no version to check yet
			if (!handler.getMethod().getName().equals("open")) {
				operation.addParametersItem(new HeaderParameter().name("If-Match")
					.required(false)
					.schema(new StringSchema())
					.description("The record version the entry was made on (\"7\"): when the record has changed since, "
							+ "409 RECORD_CHANGED and nothing is written"));
			}
		}
		return operation;
	}
}
