package fr.mel.opale.web.account;

import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.web.layout.PageContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a form page shows again after a refusal: the values typed (never passwords) and, per field, the translated
 * reason ({@code account.problem.<code>} in {@code i18n/web*.properties}), plus a message for the whole form.
 */
public record FormView(Map<String, String> values, Map<String, String> errors, @Nullable String message) {
    public static final FormView EMPTY = new FormView(Map.of(), Map.of(), null);

    public FormView {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    /** The form after {@code problem}: field codes translated, or the problem's code as the form's message. */
    static FormView of(AccountProblem problem, PageContext page, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fields().forEach((field, code) -> errors.put(field, page.t("account.problem." + code)));
        String message = errors.isEmpty() ? page.t("account.problem." + problem.code()) : page.t("account.invalid");
        return new FormView(values, errors, message);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** {@code "true"} for a field in error, else null (jte leaves the attribute out). */
    public @Nullable String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** The ids describing a field: its hint when given, and its error when there is one. */
    public @Nullable String describedBy(String field, @Nullable String hintId) {
        String error = errors.containsKey(field) ? field + "-erreur" : null;
        if (hintId == null) {
            return error;
        }
        return error == null ? hintId : hintId + " " + error;
    }
}
