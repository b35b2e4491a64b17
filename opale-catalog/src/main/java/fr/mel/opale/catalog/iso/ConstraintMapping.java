package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.LinkedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The resource constraints ({@code MD_Constraints}, {@code MD_LegalConstraints}, {@code MD_SecurityConstraints})
 * and the licence hidden among them. ISO has no "licence" element: producers write it in a use limitation, in an
 * "other constraint" (text or anchor), or, in 19115-3, as a cited {@code reference}; the licence is the first of
 * those, in document order, that reads like one.
 */
final class ConstraintMapping {
    private static final Pattern LICENCE_TEXT = Pattern.compile(
            "licen[cs]e|odbl|open database|cc[- ]?by|cc0|creative commons|etalab|domaine public|public domain",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENCE_URI = Pattern.compile(
            "creativecommons\\.org|opendatacommons\\.org|etalab|spdx\\.org/licenses|licen[cs]e",
            Pattern.CASE_INSENSITIVE);
    /** INSPIRE registry values ("no limitations on public access") describe access, not a licence. */
    private static final Pattern INSPIRE_CODE = Pattern.compile(
            "inspire\\.ec\\.europa\\.eu/(metadata-codelist|metadatacodelist)/", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

    private final List<String> useLimitations = new ArrayList<>();
    private final List<String> accessConstraints = new ArrayList<>();
    private final List<LinkedText> otherConstraints = new ArrayList<>();
    /** Use limitations and other constraints as linked texts, in document order: the licence candidates. */
    private final List<LinkedText> legalTexts = new ArrayList<>();

    /** Reads every {@code resourceConstraints} of an identification. */
    static ConstraintMapping read(@Nullable Element identification) {
        ConstraintMapping mapping = new ConstraintMapping();
        for (Element constraints : Dom.all(identification, "resourceConstraints", "*")) {
            mapping.add(constraints);
        }
        return mapping;
    }

    private void add(Element constraints) {
        for (Element limitation : Dom.children(constraints, "useLimitation")) {
            LinkedText text = linkedText(limitation);
            if (text.label() != null) {
                useLimitations.add(text.label());
                legalTexts.add(text);
            }
        }
        for (Element access : Dom.children(constraints, "accessConstraints")) {
            String code = Dom.code(access);
            if (code != null) {
                accessConstraints.add(code);
            }
        }
        for (Element reference : Dom.all(constraints, "reference", "CI_Citation")) {
            LinkedText cited = new LinkedText(Dom.text(reference, "title"),
                    Dom.text(reference, "onlineResource", "CI_OnlineResource", "linkage"));
            if (!cited.isEmpty()) {
                otherConstraints.add(cited);
                legalTexts.add(cited);
            }
        }
        for (Element other : Dom.children(constraints, "otherConstraints")) {
            LinkedText text = linkedText(other);
            if (!text.isEmpty()) {
                otherConstraints.add(text);
                legalTexts.add(text);
            }
        }
    }

    private static LinkedText linkedText(Element property) {
        return new LinkedText(Dom.paragraphText(property), Dom.href(property));
    }

    List<String> useLimitations() {
        return useLimitations;
    }

    List<String> accessConstraints() {
        return accessConstraints;
    }

    List<LinkedText> otherConstraints() {
        return otherConstraints;
    }

    /**
     * The first legal text that looks like a licence (its text names one, or its link points to one), with its
     * URL: the anchor's link unless that is an INSPIRE access code, else a URL written inside the text (then
     * removed from the label). Null when no text looks like a licence.
     */
    @Nullable LinkedText licence() {
        for (LinkedText text : legalTexts) {
            String label = text.text() == null ? "" : text.text();
            String uri = text.uri() != null && INSPIRE_CODE.matcher(text.uri()).find() ? null : text.uri();
            boolean named = LICENCE_TEXT.matcher(label).find();
            if (!named && (uri == null || !LICENCE_URI.matcher(uri).find())) {
                continue;
            }
            Matcher url = URL.matcher(label);
            if (url.find()) {
                String found = trimPunctuation(url.group());
                if (uri == null) {
                    uri = found;
                }
                label = (label.substring(0, url.start()) + label.substring(url.end())).strip();
                label = label.replace("()", "").replaceAll("[\\s:(\\-–]+$", "").replaceAll("\\s{2,}", " ");
            }
            return new LinkedText(label, uri);
        }
        return null;
    }

    private static String trimPunctuation(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty() && ".,;:)]".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
