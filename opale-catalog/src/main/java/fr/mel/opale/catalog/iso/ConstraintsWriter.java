package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LinkedText;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * The record's constraints as {@code gmd:resourceConstraints}. ISO 19139 has no licence element: the licence is
 * written as the first "other constraint" (an anchor to its URL) unless a use limitation or another constraint
 * already states it, which is where the ISO reader found it (a use limitation stating it then becomes an anchor to
 * the licence's URL, which the model's plain-text use limitations do not keep). Use limitations come first, as in the source, except
 * when the licence sits among the other constraints: then they move to a block of their own after it, so that a
 * reader looking for the first licence-like text finds the same one again.
 */
final class ConstraintsWriter {
    private ConstraintsWriter() {
    }

    static void write(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        LinkedText licence = record.licence();
        List<LinkedText> others = new ArrayList<>(record.otherConstraints());
        boolean licenceInLimitations = licence != null
                && record.useLimitations().stream().anyMatch(text -> states(text, null, licence));
        boolean licenceInOthers = licence != null
                && others.stream().anyMatch(other -> states(other.text(), other.uri(), licence));
        if (licence != null && !licenceInLimitations && !licenceInOthers) {
            others.add(0, licence);
        }
        boolean limitationsApart = licenceInOthers && !licenceInLimitations;
        List<String> limitations = limitationsApart ? List.of() : record.useLimitations();
        if (!limitations.isEmpty() || !record.accessConstraints().isEmpty() || !others.isEmpty()) {
            xml.start(GMD, "resourceConstraints");
            xml.start(GMD, "MD_LegalConstraints");
            boolean licenceLinked = false;
            for (String limitation : limitations) {
                // Use limitations are plain texts in the model; the one stating the licence gets its link back.
                if (!licenceLinked && licence != null && licence.uri() != null
                        && states(limitation, null, licence) && !limitation.contains(licence.uri())) {
                    xml.anchored(GMD, "useLimitation", limitation, licence.uri());
                    licenceLinked = true;
                } else {
                    xml.string(GMD, "useLimitation", limitation);
                }
            }
            for (String code : record.accessConstraints()) {
                xml.code(GMD, "accessConstraints", GMD, "MD_RestrictionCode", code);
            }
            if (!others.isEmpty()) {
                // ISO 19115 makes otherConstraints meaningful only under an otherRestrictions code.
                xml.code(GMD, "useConstraints", GMD, "MD_RestrictionCode", "otherRestrictions");
            }
            for (LinkedText other : others) {
                xml.anchored(GMD, "otherConstraints", other.text(), other.uri());
            }
            xml.end();
            xml.end();
        }
        if (limitationsApart && !record.useLimitations().isEmpty()) {
            xml.start(GMD, "resourceConstraints");
            xml.start(GMD, "MD_Constraints");
            for (String limitation : record.useLimitations()) {
                xml.string(GMD, "useLimitation", limitation);
            }
            xml.end();
            xml.end();
        }
    }

    /** Whether a legal text (and its link) already states the licence: same link, or its URL or label inside. */
    private static boolean states(@Nullable String text, @Nullable String uri, LinkedText licence) {
        if (licence.uri() != null && (licence.uri().equals(uri) || text != null && text.contains(licence.uri()))) {
            return true;
        }
        return licence.text() != null && text != null && text.contains(licence.text());
    }
}
